import type { Config } from '@tmux-orc/config';
import type { MonitoredPane } from '@tmux-orc/strategies';
import type { PaneInfo } from '@tmux-orc/tmux-pool';
import { type DiscoveryPane, type DiscoveryRules, discoverPanes } from './discover-panes.js';
import { builtInAgentOption, type WatchedServer } from './watched-server.js';

/**
 * Lists a server's panes (one `list-panes -a` through its {@link PaneLister}) and keeps the agents
 * and PMs the discovery rules find, reading the role and agent user options from the same listing.
 * A pane record listed again (the event lister keeps one until tmux says its pane changed) keeps its
 * discovery record, so discovery reuses what it derived from it; a listing returned again (the event
 * lister's, when no pane changed) gives the same array of agents, which tells the strategy and the
 * monitor that nothing changed. Rejects when the server cannot be reached.
 */
export async function listAgents(watched: WatchedServer, config: Config): Promise<readonly MonitoredPane[]> {
  const listed = await watched.lister.list();
  const known = discovered.get(listed);
  if (known?.rules === config.discovery) return known.panes;
  const panes = Object.freeze(
    discoverPanes(
      listed.map((pane) => discoveryPane(pane, config.discovery)),
      config.discovery,
    ),
  );
  discovered.set(listed, { rules: config.discovery, panes });
  return panes;
}

const discovered = new WeakMap<readonly PaneInfo[], { readonly rules: DiscoveryRules; readonly panes: readonly MonitoredPane[] }>();

const discoveryPanes = new WeakMap<PaneInfo, { readonly rules: DiscoveryRules; readonly pane: DiscoveryPane }>();

/** A listed pane with the role and agent options as the rules name them, one object per record and rules. */
function discoveryPane(pane: PaneInfo, rules: DiscoveryRules): DiscoveryPane {
  const known = discoveryPanes.get(pane);
  if (known?.rules === rules) return known.pane;
  const { agent_option: agentOption, pm } = rules;
  const made: DiscoveryPane = {
    ...pane,
    roleOption: pane.userOptions?.[pm.role_option] ?? null,
    agentOption: agentOption === builtInAgentOption ? pane.agentOption : (pane.userOptions?.[agentOption] ?? null),
  };
  discoveryPanes.set(pane, { rules, pane: made });
  return made;
}
