import Table from 'cli-table3';
import type { BenchReport } from './bench-report.js';

const format = (value: number | null): string => (value === null ? '–' : String(value));

/** The sweep as one table: a row per fleet size and mode. */
export function renderTable(reports: readonly BenchReport[]): string {
  const table = new Table({
    head: ['agents', 'mode', 'cycles', 'p50 ms', 'p95 ms', 'max ms', 'procs/cycle', 'captures/cycle', 'cpu ms/cycle', 'tmux cpu ms/cycle', 'rss MB'],
    style: { head: ['bold'], compact: true },
  });
  for (const report of reports) {
    for (const r of report.results) {
      table.push([report.agents, r.mode, r.cycles, r.cycle_ms.p50, r.cycle_ms.p95, r.cycle_ms.max, r.processes_per_cycle, r.captures_per_cycle, r.cpu_ms_per_cycle, r.tmux_cpu_ms_per_cycle, r.rss_mb]);
    }
  }
  const live = new Table({
    head: ['agents', 'mode', 'latency p50 ms', 'p95 ms', 'max ms', 'missed', 'idle cpu %', 'tmux cpu %', 'tmux alone %', 'idle cycles', 'daemon rss MB (start/max)'],
    style: { head: ['bold'], compact: true },
  });
  for (const report of reports) {
    for (const r of report.results) {
      if (r.live === null) {
        if (r.live_error !== undefined) live.push([report.agents, r.mode, { colSpan: 9, content: `daemon failed: ${r.live_error}` }]);
        continue;
      }
      const { latency_ms: l, idle } = r.live;
      live.push([report.agents, r.mode, l.p50, l.p95, l.max, `${l.missed}/${l.probes}`, format(idle?.cpu_pct ?? null), format(idle?.tmux_cpu_pct ?? null), format(report.tmux_baseline_pct ?? null), format(idle?.cycles ?? null), idle === null ? '' : `${idle.rss_start_mb} / ${idle.rss_mb}`]);
    }
  }
  const speedups = reports.map(
    (r) =>
      `${r.agents} agents: control ${format(r.speedup.control_vs_sync)}x faster than sync, ${format(r.speedup.control_vs_async_exec)}x than async-exec; ` +
      `adaptive ${format(r.speedup.adaptive_vs_sync)}x than sync; control/floor ${format(r.overhead_vs_floor)}x`,
  );
  const liveText = live.length === 0 ? '' : `${live.toString()}\n`;
  return `${table.toString()}\n${speedups.join('\n')}\n${liveText}`;
}
