import Table from 'cli-table3';
import pc from 'picocolors';
import type { AgentJson } from '../shared/status-json.js';
import { formatAge } from './format-age.js';
import { colorState, oneLineEvidence } from './state-text.js';

/** The detector, and the CLI version when known: `claude-code 2.1.340 (newer than proven)` warns that detection on it is unproven. */
export function detectorCell(agent: Pick<AgentJson, 'detector' | 'cli_version'>): string {
  const version = agent.cli_version;
  if (version === undefined) return agent.detector;
  return version.standing === 'newer' ? `${agent.detector} ${version.version} ${pc.yellow('(newer than proven)')}` : `${agent.detector} ${version.version}`;
}

/**
 * The agents as a table: id, target, name, state (colored), for how long, detector, the deciding
 * line; with agents on SSH hosts, one titled table per host (this machine first).
 */
export function renderStatusTable(agents: readonly AgentJson[], now: number, evidenceWidth = 56): string {
  const hosts = [...new Set(agents.map((agent) => agent.host ?? null))];
  if (hosts.length === 1 && hosts[0] === null) return renderAgentRows(agents, now, evidenceWidth);
  hosts.sort((a, b) => (a === null ? -1 : b === null ? 1 : a.localeCompare(b)));
  return hosts
    .map((host) => `${pc.bold(host === null ? 'this machine' : `host ${host}`)}\n${renderAgentRows(agents.filter((agent) => (agent.host ?? null) === host), now, evidenceWidth)}`)
    .join('\n');
}

function renderAgentRows(agents: readonly AgentJson[], now: number, evidenceWidth: number): string {
  // Colors through picocolors only (it honours NO_COLOR); cli-table3's own colors would not.
  const head = ['id', 'target', 'name', 'state', 'for', 'detector', 'evidence'].map((title) => pc.bold(title));
  const table = new Table({ head, style: { head: [], border: [], compact: true } });
  for (const agent of agents) {
    table.push([
      agent.id,
      agent.target,
      agent.role === 'pm' ? `${agent.name} (pm)` : agent.name,
      colorState(agent.state),
      formatAge(agent.since, now),
      detectorCell(agent),
      oneLineEvidence(agent.evidence, evidenceWidth),
    ]);
  }
  return table.toString();
}

/** `3 active, 2 idle, 1 waiting_input`. */
export function renderSummary(summary: Readonly<Record<string, number>>): string {
  const parts = Object.entries(summary).sort(([a], [b]) => a.localeCompare(b)).map(([state, n]) => `${n} ${colorState(state)}`);
  return parts.length === 0 ? 'no agents' : parts.join(', ');
}
