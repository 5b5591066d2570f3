import type { Config, ServerConfig } from '@tmux-orc/config';
import { describeHost, describeServer, type SshTarget, type TmuxServer } from '@tmux-orc/tmux-pool';

/** How tmux-pool reaches a configured server's host, or undefined for this machine. */
function toSshTarget(server: ServerConfig): SshTarget | undefined {
  if (server.host === undefined) return undefined;
  return {
    host: server.host,
    ...(server.port === undefined ? {} : { port: server.port }),
    ...(server.ssh?.identity_file === undefined ? {} : { identityFile: server.ssh.identity_file }),
    ...(server.ssh?.options === undefined ? {} : { options: server.ssh.options }),
  };
}

/** A configured server (`servers[]` entry) as tmux-pool names it, with its SSH host when it has one. */
export function toTmuxServer(server: ServerConfig): TmuxServer {
  const ssh = toSshTarget(server);
  const remote = ssh === undefined ? {} : { ssh };
  if ('socket_name' in server) return { socketName: server.socket_name, ...remote };
  if ('socket_path' in server) return { socketPath: server.socket_path, ...remote };
  return { kind: 'default', ...remote };
}

/**
 * The id of an agent in the monitor, the one `status`, events, reports and `state.json` use: the
 * pane id (`%3`) when one local server is watched, else the server's label and the pane id
 * (`-L work/%3`); an agent on another host always names it (`me@box -L work/%3`).
 */
export function formatAgentId(config: Pick<Config, 'servers'>, server: TmuxServer, paneId: string): string {
  return `${agentIdPrefix(config, server)}${paneId}`;
}

/** What {@link formatAgentId} puts before the pane id for `server`: `''` with one local server. */
export function agentIdPrefix(config: Pick<Config, 'servers'>, server: TmuxServer): string {
  return config.servers.length > 1 || server.ssh !== undefined ? `${describeServer(server)}/` : '';
}

/**
 * What the monitor's persisted counters (cooldowns, restarts, resubmits, pauses, alerts) are keyed
 * by: the agent's session, window name and pane index on its server (`work/Claude-dev/0`), not its
 * pane id, which a restarted tmux server hands to whichever new pane comes first.
 */
export function agentStateKey(idPrefix: string, pane: { readonly session: string; readonly windowName: string; readonly paneIndex: number }): string {
  return `${idPrefix}${pane.session}/${pane.windowName}/${pane.paneIndex}`;
}

/** One configured server: how to reach it, its label, its agents' id prefix, and its host (null: this machine). */
export interface ConfiguredServer {
  readonly server: TmuxServer;
  /** `-L work`, or `me@box -L work` on another host. */
  readonly label: string;
  readonly prefix: string;
  /** `me@box` or `me@box:2222`; null for this machine. */
  readonly host: string | null;
}

/** Each configured server with its label (`-L work`), the prefix of its agents' ids, and its host. */
export function configuredServers(config: Pick<Config, 'servers'>): ConfiguredServer[] {
  return config.servers.map((entry) => {
    const server = toTmuxServer(entry);
    return { server, label: describeServer(server), prefix: agentIdPrefix(config, server), host: server.ssh === undefined ? null : describeHost(server.ssh) };
  });
}
