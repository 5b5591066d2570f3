import type { AgentJson } from './wire-types.js';

/** Every state, in the order the counts show them: what needs a person first. */
export const stateOrder = ['waiting_input', 'error', 'rate_limited', 'crashed', 'idle', 'queued_message', 'active', 'compacting', 'fresh', 'unknown'] as const;

/** States that ask for a person (idle only where no PM would pick the agent up). */
export const needsYouStates: ReadonlySet<string> = new Set(['waiting_input', 'error', 'rate_limited', 'crashed']);

/** The count keys: a state, or `idle_no_pm` for idle agents in a session without a PM. */
export type CountKey = string;

/** The key an agent is counted under. */
export function countKey(agent: AgentJson, sessionsWithPm: ReadonlySet<string>): CountKey {
  if (agent.state === 'idle' && agent.role !== 'pm' && !sessionsWithPm.has(sessionKey(agent))) return 'idle_no_pm';
  return agent.state;
}

/** Whether agents counted under `key` need a person. */
export function needsYou(key: CountKey): boolean {
  return key === 'idle_no_pm' || needsYouStates.has(key);
}

/** The host-and-session an agent is grouped under. */
export function sessionKey(agent: AgentJson): string {
  return `${hostOf(agent)}\u0000${agent.session}`;
}

/**
 * The agent's host: its `host` field once SSH hosts exist, else the server prefix the monitor puts
 * on ids when several servers are watched (`-L work/%3`), else empty (one local server).
 */
export function hostOf(agent: AgentJson): string {
  if (agent.host !== undefined) return agent.host;
  const slash = agent.id.lastIndexOf('/');
  return slash > 0 ? agent.id.slice(0, slash) : '';
}

/** Counts by key, "needs you" keys first, then the others in {@link stateOrder}; zeros left out. */
export function countStates(agents: readonly AgentJson[]): { readonly key: CountKey; readonly count: number; readonly needsYou: boolean }[] {
  const sessionsWithPm = new Set(agents.filter((agent) => agent.role === 'pm').map(sessionKey));
  const counts = new Map<string, number>();
  for (const agent of agents) {
    const key = countKey(agent, sessionsWithPm);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const order = [...stateOrder.filter((s) => needsYouStates.has(s)), 'idle_no_pm', ...stateOrder.filter((s) => !needsYouStates.has(s))];
  const known = new Set<string>(order);
  const keys = [...order, ...[...counts.keys()].filter((key) => !known.has(key)).sort()];
  return keys.filter((key) => (counts.get(key) ?? 0) > 0).map((key) => ({ key, count: counts.get(key) ?? 0, needsYou: needsYou(key) }));
}

/** The word shown for a count key. */
export function keyLabel(key: CountKey): string {
  return key === 'idle_no_pm' ? 'idle, no PM' : key.replace(/_/g, ' ');
}
