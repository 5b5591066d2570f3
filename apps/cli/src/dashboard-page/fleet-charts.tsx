import { SmallChart } from './small-chart.js';
import { formatMs } from './format-time.js';
import type { MetricSample, StatusJson } from './wire-types.js';

/** Per-interval rates from cumulative samples (a counter that went down means a restart: skipped). */
function rates(samples: readonly MetricSample[], pick: (s: MetricSample) => number | null, per: (a: MetricSample, b: MetricSample) => number | null): number[] {
  const out: number[] = [];
  for (let i = 1; i < samples.length; i += 1) {
    const a = samples[i - 1];
    const b = samples[i];
    if (a === undefined || b === undefined || pick(a) === null || pick(b) === null) continue;
    const value = per(a, b);
    if (value !== null && value >= 0) out.push(value);
  }
  return out;
}

/** Cycle time (the daemon's recent cycles), pool commands per second and open connections, cache hit rate. */
export function FleetCharts(props: { status: StatusJson | null; samples: readonly MetricSample[] }) {
  const recent = props.status?.detailed?.cycles.recent_ms ?? [];
  const pool = props.status?.detailed?.connection_pool ?? null;
  const commandRate = rates(props.samples, (s) => s.poolCommands, (a, b) => ((b.poolCommands ?? 0) - (a.poolCommands ?? 0)) / Math.max(0.001, (b.at - a.at) / 1000));
  const hitRate = rates(props.samples, (s) => s.cacheHits, (a, b) => {
    const hits = (b.cacheHits ?? 0) - (a.cacheHits ?? 0);
    const reads = hits + (b.cacheMisses ?? 0) - (a.cacheMisses ?? 0);
    return reads > 0 ? hits / reads : null;
  });
  const cache = props.status?.detailed?.cache_performance['pane_content'];
  return (
    <div class="charts">
      <SmallChart id="chart-cycle" title="cycle" values={recent} latest={`${formatMs(props.status?.cycle.ms)} (p95 ${formatMs(props.status?.detailed?.cycles.p95_ms)})`} />
      <SmallChart id="chart-pool" title="pool" values={commandRate} latest={pool === null ? '–' : `${pool.size} ${pool.transport} conn, ${Math.round(commandRate.at(-1) ?? 0)} cmd/s`} />
      <SmallChart id="chart-cache" title="screen cache hits" values={hitRate} max={1} latest={cache === undefined ? 'off' : `${Math.round(cache.hit_rate * 100)}%`} />
    </div>
  );
}
