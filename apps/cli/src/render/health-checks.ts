import type { Config } from '@tmux-orc/config';
import type { DetailedJson } from '../shared/status-json.js';
import { describeCycleFailures } from './cycle-failures.js';

/** Limits `tmux-orc health` checks against. */
export interface HealthThresholds {
  /** p95 (or last) cycle time, ms. Default: `monitoring.check_interval` (a slower cycle skips ticks). */
  readonly maxCycleMs: number;
  /** Share of open connections busy when sampled. Default 0.9. */
  readonly maxPoolUtilisation: number;
  /** Least `pane_content` hit rate, judged once `minCacheReads` reads were made. Default 0.2. */
  readonly minCacheHitRate: number;
  readonly minCacheReads: number;
  /** Failed tmux commands per command. Default 0.05. */
  readonly maxErrorRate: number;
  /** Connection acquisitions that timed out. Default 0. */
  readonly maxConnectionTimeouts: number;
}

/** One ✅/❌ line. */
export interface HealthCheck {
  readonly name: string;
  readonly ok: boolean;
  readonly value: number | null;
  readonly limit: number;
  readonly message: string;
}

/** Defaults derived from the configuration. */
export function defaultThresholds(config: Config): HealthThresholds {
  return {
    maxCycleMs: config.monitoring.check_interval * 1000,
    maxPoolUtilisation: 0.9,
    minCacheHitRate: 0.2,
    minCacheReads: 20,
    maxErrorRate: 0.05,
    maxConnectionTimeouts: 0,
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** Checks the status metrics against the thresholds. */
export function evaluateHealth(detailed: DetailedJson, cycleMs: number | null, limits: HealthThresholds, cacheEnabled: boolean): HealthCheck[] {
  const checks: HealthCheck[] = [];
  const cycle = detailed.cycles.p95_ms ?? cycleMs;
  checks.push({
    name: 'cycle time',
    ok: cycle !== null && cycle <= limits.maxCycleMs,
    value: cycle,
    limit: limits.maxCycleMs,
    message: cycle === null ? 'no cycle has finished' : `${detailed.cycles.count > 1 ? 'p95' : 'last'} ${cycle.toFixed(1)} ms (limit ${limits.maxCycleMs} ms)`,
  });
  const failing = describeCycleFailures(detailed.cycle_failures);
  checks.push({
    name: 'cycles',
    ok: failing === null,
    value: detailed.cycle_failures?.consecutive ?? 0,
    limit: 0,
    message: failing ?? `the last cycle did its work (${detailed.base_status.cycle_count} done)`,
  });
  const down = detailed.servers.filter((s) => !s.up);
  checks.push({
    name: 'tmux servers',
    ok: down.length === 0,
    value: down.length,
    limit: 0,
    message: down.length === 0 ? `${detailed.servers.length} reachable` : down.map((s) => `${s.server} down: ${s.error ?? '?'}`).join('; '),
  });
  const pool = detailed.connection_pool;
  const utilisation = pool === null || pool.size === 0 ? 0 : pool.in_flight / pool.size;
  checks.push({ name: 'pool utilisation', ok: utilisation <= limits.maxPoolUtilisation, value: utilisation, limit: limits.maxPoolUtilisation, message: `${pct(utilisation)} of ${pool?.size ?? 0} connections busy (limit ${pct(limits.maxPoolUtilisation)})` });
  const layer = detailed.cache_performance['pane_content'];
  const reads = layer === undefined ? 0 : layer.hits + layer.misses;
  const judged = cacheEnabled && layer !== undefined && reads >= limits.minCacheReads;
  checks.push({
    name: 'cache hit rate',
    ok: !judged || (layer?.hit_rate ?? 0) >= limits.minCacheHitRate,
    value: layer?.hit_rate ?? null,
    limit: limits.minCacheHitRate,
    message: !cacheEnabled
      ? 'cache disabled'
      : judged
        ? `pane_content ${pct(layer?.hit_rate ?? 0)} over ${reads} reads (least ${pct(limits.minCacheHitRate)})`
        : `not judged yet: ${reads} of ${limits.minCacheReads} reads`,
  });
  const errorRate = pool === null || pool.commands === 0 ? 0 : pool.errors / pool.commands;
  checks.push({ name: 'error rate', ok: errorRate <= limits.maxErrorRate, value: errorRate, limit: limits.maxErrorRate, message: `${pool?.errors ?? 0} of ${pool?.commands ?? 0} tmux commands failed, ${pct(errorRate)} (limit ${pct(limits.maxErrorRate)})` });
  const timeouts = pool?.acquisition_timeouts ?? 0;
  checks.push({ name: 'connection timeouts', ok: timeouts <= limits.maxConnectionTimeouts, value: timeouts, limit: limits.maxConnectionTimeouts, message: `${timeouts} acquisitions timed out (limit ${limits.maxConnectionTimeouts})` });
  return checks;
}
