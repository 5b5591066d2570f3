import type { AgentState, HealthResult } from '@tmux-orc/health-checker';
import Table from 'cli-table3';
import pc from 'picocolors';

/** One row of the live table. */
export interface AgentRow {
  readonly name: string;
  readonly target: string;
  readonly result: HealthResult;
}

const stateColors: Record<AgentState, (text: string) => string> = {
  active: pc.green,
  idle: pc.dim,
  waiting_input: pc.yellow,
  queued_message: pc.yellow,
  fresh: pc.cyan,
  error: pc.red,
  rate_limited: pc.magenta,
  compacting: pc.blue,
  crashed: pc.red,
  unknown: pc.gray,
};

function formatSince(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

/** Renders agents as a table: name, target, state (colored), for how long, and the deciding line. */
export function renderAgentTable(rows: readonly AgentRow[], now: number, evidenceWidth = 60): string {
  const table = new Table({ head: ['agent', 'target', 'state', 'for', 'evidence'], style: { head: ['bold'], compact: true } });
  for (const row of rows) {
    const evidence = row.result.evidence.join(' ⏎ ').replace(/\s+/g, ' ').trim();
    table.push([
      row.name,
      row.target,
      stateColors[row.result.state](row.result.state),
      formatSince(now - row.result.since),
      evidence.length > evidenceWidth ? `${evidence.slice(0, evidenceWidth - 1)}…` : evidence,
    ]);
  }
  return table.toString();
}
