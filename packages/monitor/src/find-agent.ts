import type { AgentRecord } from './agent-state-tracker.js';

/**
 * The agent a user named: its id (`%3`, `-L work/%3`), its pane id without the server prefix,
 * its target (`dev:Claude-api.0`), or its short name when only one agent has it. An error message
 * naming what was asked and what exists otherwise.
 */
export function findAgent(records: readonly AgentRecord[], query: string): AgentRecord | string {
  const wanted = query.trim();
  const matchers: ((record: AgentRecord) => boolean)[] = [
    (record) => record.agentId === wanted,
    (record) => record.pane.id === wanted,
    (record) => record.pane.target === wanted,
    (record) => record.pane.name === wanted || record.pane.windowName === wanted,
  ];
  for (const matches of matchers) {
    const found = records.filter(matches);
    const [only] = found;
    if (found.length === 1 && only !== undefined) return only;
    if (found.length > 1) return `Expected one agent named "${wanted}", got ${found.length}: ${found.map((r) => `${r.agentId} (${r.pane.target})`).join(', ')}; give its id or target`;
  }
  const known = records.slice(0, 8).map((r) => `${r.agentId} (${r.pane.target})`).join(', ');
  return `Expected an agent id, pane id, target or name, got "${wanted}"; ${records.length === 0 ? 'no agent is monitored' : `monitored: ${known}${records.length > 8 ? ', …' : ''}`}`;
}
