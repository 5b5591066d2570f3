import pc from 'picocolors';
import type { StatusJson } from '../shared/status-json.js';
import { formatMs } from './format-age.js';
import { colorState } from './state-text.js';

const bars = '▁▂▃▄▅▆▇█';

/** A one-line chart of `values` (the last `width`), scaled to their max. */
function sparkline(values: readonly number[], width = 40): string {
  const shown = values.slice(-width);
  const max = Math.max(...shown, 0);
  return shown.map((v) => bars[max === 0 ? 0 : Math.min(bars.length - 1, Math.floor((v / max) * (bars.length - 1)))] ?? ' ').join('');
}

function meter(share: number, width = 20): string {
  const filled = Math.round(Math.max(0, Math.min(1, share)) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

/** The `perf watch` screen: header, pool, cache per layer, cycle times, agents by state. */
export function renderPerfDashboard(status: StatusJson, now: Date, source: string): string[] {
  const lines = [`${pc.bold('tmux-orc perf watch')}  ${now.toISOString()}  ${source}   (q or Ctrl-C to quit)`, ''];
  const d = status.detailed;
  if (d === undefined) return [...lines, 'no metrics yet'];
  const pool = d.connection_pool;
  lines.push(pc.bold('pool'));
  if (pool === null) lines.push('  (no pool yet)');
  else {
    lines.push(`  transport ${pool.transport}   open ${pool.size}   in flight ${pool.in_flight}   ${meter(pool.size === 0 ? 0 : pool.in_flight / pool.size)}`);
    lines.push(`  created ${pool.created}   reused ${pool.reused}   recycled ${pool.recycled}   acquisitions ${pool.acquisitions}   timeouts ${pool.acquisition_timeouts}`);
    lines.push(`  commands ${pool.commands}   errors ${pool.errors}`);
  }
  lines.push('', pc.bold('cache'));
  const layers = Object.entries(d.cache_performance);
  if (layers.length === 0) lines.push('  (no layers yet)');
  for (const [layer, s] of layers) lines.push(`  ${layer.padEnd(14)} ${meter(s.hit_rate)} ${(s.hit_rate * 100).toFixed(1).padStart(5)}% hits   ${s.hits} hits  ${s.misses} misses  ${s.size} entries  ${s.evictions} evicted`);
  const c = d.cycles;
  lines.push('', pc.bold('cycles'));
  lines.push(`  ${d.base_status.cycle_count} run   last ${formatMs(c.last_ms)}   p50 ${formatMs(c.p50_ms)}   p95 ${formatMs(c.p95_ms)}   max ${formatMs(c.max_ms)}   skipped ${d.skipped_cycles}   errors ${d.base_status.errors_detected}`);
  lines.push(`  ${sparkline(c.recent_ms)}  strategy ${status.cycle.strategy ?? '-'}`);
  lines.push('', pc.bold(`agents (${status.agents.length})`));
  const states = Object.entries(status.summary).sort(([, a], [, b]) => b - a);
  if (states.length === 0) lines.push('  none found');
  for (const [state, n] of states) lines.push(`  ${colorState(state).padEnd(state.length + 10 + (colorState(state).length - state.length))} ${String(n).padStart(4)}  ${'■'.repeat(Math.min(n, 60))}`);
  return lines;
}
