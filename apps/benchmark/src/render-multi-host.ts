import type { MultiHostReport } from './multi-host.js';

/** The multi-host run as a Markdown table (the README's) and a verdict line. */
export function renderMultiHost(report: MultiHostReport): string {
  const rows = [
    '| where | agents | p50 ms | p95 ms | max ms | ssh processes | remote tmux -C |',
    '|---|---:|---:|---:|---:|---:|---:|',
    `| ${String(report.hosts)} hosts in parallel, ${String(report.rtt_ms)} ms RTT | ${String(report.hosts * report.agents_per_host)} | ${String(report.multi_host_cycle_ms.p50)} | ${String(report.multi_host_cycle_ms.p95)} | ${String(report.multi_host_cycle_ms.max)} | | |`,
    ...report.per_host.map((h) => `| ${h.host} | ${String(report.agents_per_host)} | ${String(h.cycle_ms.p50)} | ${String(h.cycle_ms.p95)} | ${String(h.cycle_ms.max)} | ${String(h.ssh_processes)} | ${String(h.remote_control_clients)} |`),
    `| one local server | ${String(report.local.agents)} | ${String(report.local.cycle_ms.p50)} | ${String(report.local.cycle_ms.p95)} | ${String(report.local.cycle_ms.max)} | | |`,
  ];
  const met = report.multi_host_cycle_ms.p50 <= report.target_ms;
  return `${rows.join('\n')}\n\ntarget: multi-host p50 ≤ 1.5 × RTT + local p50 = ${String(report.target_ms)} ms: ${met ? 'met' : 'NOT met'} (${String(report.multi_host_cycle_ms.p50)} ms; ${String(report.cycles)} cycles)\n`;
}
