import type { LoadedConfig } from '@tmux-orc/config';
import { callApi } from './api-client.js';
import { daemonPaths, demoSocketPath } from '../shared/daemon-paths.js';
import type { StatusJson } from '../shared/status-json.js';

/** A running monitor that watches exactly the servers this command was asked about. */
export interface LiveMonitor {
  readonly socket: string;
  readonly status: StatusJson;
}

/**
 * The daemon, when it watches the same servers as `loaded` (so `status -L other` never shows the
 * daemon's view of a different server), else a running `tmux-orc demo` on that `-L` server.
 */
export async function findLiveMonitor(loaded: LoadedConfig): Promise<LiveMonitor | null> {
  const wanted = JSON.stringify(loaded.config.servers);
  const candidates = [daemonPaths(loaded).socket];
  const [only] = loaded.config.servers;
  if (loaded.config.servers.length === 1 && only !== undefined && 'socket_name' in only) candidates.push(demoSocketPath(loaded.home, only.socket_name));
  for (const socket of candidates) {
    const answer = await callApi<StatusJson>(socket, '/status', { timeoutMs: 3000 });
    if (answer.ok && JSON.stringify(answer.body.watching ?? []) === wanted) return { socket, status: answer.body };
  }
  return null;
}
