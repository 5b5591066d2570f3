import type { Config, ServerConfig } from '@tmux-orc/config';
import { describeServer, type TmuxServer } from '@tmux-orc/tmux-pool';

/** A configured server (`servers[]` entry) as tmux-pool names it. */
export function toTmuxServer(server: ServerConfig): TmuxServer {
  if ('socket_name' in server) return { socketName: server.socket_name };
  if ('socket_path' in server) return { socketPath: server.socket_path };
  return { kind: 'default' };
}

/**
 * The id of an agent in the monitor, the one `status`, events, reports and `state.json` use: the
 * pane id (`%3`) when one server is watched, else the server's label and the pane id (`-L work/%3`).
 */
export function formatAgentId(config: Pick<Config, 'servers'>, serverLabel: string, paneId: string): string {
  return `${agentIdPrefix(config, serverLabel)}${paneId}`;
}

/** What {@link formatAgentId} puts before the pane id for `serverLabel`: `''` with one server. */
export function agentIdPrefix(config: Pick<Config, 'servers'>, serverLabel: string): string {
  return config.servers.length > 1 ? `${serverLabel}/` : '';
}

/**
 * What the monitor's persisted counters (cooldowns, restarts, resubmits, pauses, alerts) are keyed
 * by: the agent's session, window name and pane index on its server (`work/Claude-dev/0`), not its
 * pane id, which a restarted tmux server hands to whichever new pane comes first.
 */
export function agentStateKey(idPrefix: string, pane: { readonly session: string; readonly windowName: string; readonly paneIndex: number }): string {
  return `${idPrefix}${pane.session}/${pane.windowName}/${pane.paneIndex}`;
}

/** Each configured server with its label (`-L work`) and the prefix of its agents' ids. */
export function configuredServers(config: Pick<Config, 'servers'>): { readonly server: TmuxServer; readonly label: string; readonly prefix: string }[] {
  return config.servers.map((entry) => {
    const server = toTmuxServer(entry);
    const label = describeServer(server);
    return { server, label, prefix: agentIdPrefix(config, label) };
  });
}
