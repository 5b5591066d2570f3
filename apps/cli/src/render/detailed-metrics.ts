import type { DetailedJson } from '../shared/status-json.js';
import { formatMs } from './format-age.js';

/** The `--detailed` section: connection pool, cache per layer, cycle times. */
export function renderDetailedMetrics(detailed: DetailedJson): string {
  const lines: string[] = [];
  const pool = detailed.connection_pool;
  lines.push(
    pool === null
      ? 'pool:    (no pool yet)'
      : `pool:    ${pool.transport}, ${pool.size} open, ${pool.in_flight} in flight, ${pool.created} created, ${pool.reused} reused, ${pool.recycled} recycled, ` +
          `${pool.acquisitions} acquisitions (${pool.acquisition_timeouts} timed out), ${pool.commands} commands, ${pool.errors} errors` +
          (pool.fallback_reason === null ? '' : `; fell back: ${pool.fallback_reason}`),
  );
  const layers = Object.entries(detailed.cache_performance);
  if (layers.length === 0) lines.push('cache:   (no layers yet)');
  for (const [layer, s] of layers) {
    lines.push(`cache:   ${layer}: ${(s.hit_rate * 100).toFixed(1)}% hits (${s.hits} hits, ${s.misses} misses), ${s.size} entries, ${s.evictions} evicted, ${s.deduplicated} deduplicated`);
  }
  const c = detailed.cycles;
  lines.push(
    `cycles:  ${detailed.base_status.cycle_count} run, last ${formatMs(c.last_ms)}, mean ${formatMs(c.mean_ms)}, p50 ${formatMs(c.p50_ms)}, p95 ${formatMs(c.p95_ms)}, max ${formatMs(c.max_ms)} ` +
      `(over the last ${c.recent_ms.length}); ${detailed.skipped_cycles} skipped, ${detailed.base_status.errors_detected} errors`,
  );
  for (const server of detailed.servers) {
    lines.push(`server:  ${server.server} ${server.up ? 'up' : `DOWN (${server.error ?? '?'}, ${server.consecutive_failures} failures)`} via ${server.transport}`);
  }
  if (detailed.fallback !== null) lines.push(`note:    ${detailed.fallback}`);
  return lines.join('\n');
}
