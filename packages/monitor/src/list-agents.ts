import type { Config } from '@tmux-orc/config';
import type { MonitoredPane } from '@tmux-orc/strategies';
import { discoverPanes } from './discover-panes.js';
import { builtInAgentOption, type WatchedServer } from './watched-server.js';

/**
 * Lists a server's panes (one `list-panes -a` through its {@link PaneLister}) and keeps the agents
 * and PMs the discovery rules find, reading the role and agent user options from the same listing.
 * Rejects when the server cannot be reached.
 */
export async function listAgents(watched: WatchedServer, config: Config): Promise<MonitoredPane[]> {
  const listed = await watched.lister.list();
  const { agent_option: agentOption, pm } = config.discovery;
  return discoverPanes(
    listed.map((pane) => ({
      ...pane,
      roleOption: pane.userOptions?.[pm.role_option] ?? null,
      agentOption: agentOption === builtInAgentOption ? pane.agentOption : (pane.userOptions?.[agentOption] ?? null),
    })),
    config.discovery,
  );
}
