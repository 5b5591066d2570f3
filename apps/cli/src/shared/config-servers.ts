import type { Config, ServerConfig } from '@tmux-orc/config';
import { describeServer, type TmuxServer } from '@tmux-orc/tmux-pool';

/** A configured server as tmux-pool names it. */
function toTmuxServer(server: ServerConfig): TmuxServer {
  if ('socket_name' in server) return { socketName: server.socket_name };
  if ('socket_path' in server) return { socketPath: server.socket_path };
  return { kind: 'default' };
}

/** Each configured server with the prefix the monitor puts on its agent ids (none when only one). */
export function serversWithPrefix(config: Config): { readonly server: TmuxServer; readonly prefix: string }[] {
  return config.servers.map((entry) => {
    const server = toTmuxServer(entry);
    return { server, prefix: config.servers.length > 1 ? `${describeServer(server)}/` : '' };
  });
}

/**
 * The configuration with every action switched off: commands that only look (`status`, `health`,
 * `perf watch` without a daemon) must never message a PM, press Enter or restart an agent.
 */
export function observeOnly(config: Config): Config {
  return {
    ...config,
    notifications: { ...config.notifications, pm_enabled: false, hooks: [] },
    recovery: { ...config.recovery, restart_crashed: false, resubmit_attempts: 0 },
  };
}
