import { countKey, hostOf, sessionKey } from './agent-states.js';
import type { AgentJson } from './wire-types.js';

/** One line of the virtualised list: a group heading or an agent. */
export type FleetRow =
  | { readonly kind: 'group'; readonly key: string; readonly host: string; readonly session: string; readonly agents: number; readonly needing: number }
  | { readonly kind: 'agent'; readonly key: string; readonly agent: AgentJson };

/**
 * Groups agents by host and session (in the monitor's order: session, then window) under one
 * heading each, keeping only agents whose count key is in `filter` when a filter is set.
 */
export function fleetRows(agents: readonly AgentJson[], filter: ReadonlySet<string> | null, needsYouKey: (key: string) => boolean): FleetRow[] {
  const sessionsWithPm = new Set(agents.filter((agent) => agent.role === 'pm').map(sessionKey));
  const groups = new Map<string, AgentJson[]>();
  for (const agent of agents) {
    if (filter !== null && !filter.has(countKey(agent, sessionsWithPm))) continue;
    const key = sessionKey(agent);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [agent]);
    else group.push(agent);
  }
  const rows: FleetRow[] = [];
  for (const [key, members] of groups) {
    const first = members[0];
    if (first === undefined) continue;
    const needing = members.filter((agent) => needsYouKey(countKey(agent, sessionsWithPm))).length;
    rows.push({ kind: 'group', key: `g:${key}`, host: hostOf(first), session: first.session, agents: members.length, needing });
    for (const agent of members) rows.push({ kind: 'agent', key: agent.id, agent });
  }
  return rows;
}

/** The rows a viewport shows: `[first, last)` with `overscan` rows either side. */
export function visibleRange(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan = 8): readonly [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(total, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return [first, Math.max(first, last)];
}
