import { describe, expect, it } from 'vitest';
import type { DetailedJson } from '../shared/status-json.js';
import { evaluateHealth, type HealthThresholds } from './health-checks.js';

const limits: HealthThresholds = { maxCycleMs: 100, maxPoolUtilisation: 0.9, minCacheHitRate: 0.2, minCacheReads: 20, maxErrorRate: 0.05, maxConnectionTimeouts: 0 };
const pool = { transport: 'control' as const, fallback_reason: null, size: 2, created: 2, reused: 10, recycled: 0, in_flight: 0, acquisitions: 12, acquisition_timeouts: 0, exec_acquisitions: { requested: 0, fallback: 0, no_sessions: 0 }, commands: 100, errors: 0 };
const detailed = (over: Partial<DetailedJson> = {}): DetailedJson => ({
  connection_pool: pool,
  cache_performance: { pane_content: { hits: 30, misses: 10, size: 5, total_size: 5, evictions: 0, deduplicated: 0, hit_rate: 0.75 } },
  cycles: { count: 5, last_ms: 10, mean_ms: 10, p50_ms: 10, p95_ms: 40, max_ms: 40, recent_ms: [10] },
  base_status: { is_running: true, active_agents: 1, idle_agents: 0, cycle_count: 5, last_cycle_time: 10, errors_detected: 0 },
  servers: [{ server: '-L x', host: null, up: true, error: null, consecutive_failures: 0, transport: 'control', fallback_reason: null }],
  fallback: null,
  skipped_cycles: 0,
  last_cycle_at: null,
  cycle_failures: { consecutive: 0, since: null, last_error: null },
  process: { pid: 1, started_at: '2026-01-01T00:00:00.000Z' },
  ...over,
});
const failing = (d: DetailedJson, l = limits) => evaluateHealth(d, d.cycles.last_ms, l, true).filter((c) => !c.ok).map((c) => c.name);

describe('evaluateHealth', () => {
  it('passes a healthy snapshot', () => {
    expect(failing(detailed())).toEqual([]);
  });

  it('fails each threshold on its own', () => {
    expect(failing(detailed(), { ...limits, maxCycleMs: 39 })).toEqual(['cycle time']);
    expect(failing(detailed({ connection_pool: { ...pool, in_flight: 2 } }))).toEqual(['pool utilisation']);
    expect(failing(detailed({ cache_performance: { pane_content: { hits: 2, misses: 38, size: 5, total_size: 5, evictions: 0, deduplicated: 0, hit_rate: 0.05 } } }))).toEqual(['cache hit rate']);
    expect(failing(detailed({ connection_pool: { ...pool, errors: 6 } }))).toEqual(['error rate']);
    expect(failing(detailed({ connection_pool: { ...pool, acquisition_timeouts: 1 } }))).toEqual(['connection timeouts']);
    expect(failing(detailed({ servers: [{ server: '-L x', host: null, up: false, error: 'no server', consecutive_failures: 3, transport: 'control', fallback_reason: null }] }))).toEqual(['tmux servers']);
    const lastError = { message: 'Expected strategy `x` to observe, but it threw: boom', code: 'STRATEGY_FAILED', at: '2026-01-01T00:00:04.000Z' };
    expect(failing(detailed({ cycle_failures: { consecutive: 4, since: '2026-01-01T00:00:01.000Z', last_error: lastError } }))).toEqual(['cycles']);
  });

  it('names the failed cycles, since when, and the last error with its code and time', () => {
    const lastError = { message: 'tmux server -L x is not running: gone', code: 'TMUX_SERVER_GONE', at: '2026-01-01T00:00:04.000Z' };
    const check = evaluateHealth(detailed({ cycle_failures: { consecutive: 4, since: '2026-01-01T00:00:01.000Z', last_error: lastError } }), 10, limits, true).find((c) => c.name === 'cycles');
    expect(check).toMatchObject({
      ok: false,
      value: 4,
      message: '4 cycles failed in a row since 2026-01-01T00:00:01.000Z; last at 2026-01-01T00:00:04.000Z: TMUX_SERVER_GONE: tmux server -L x is not running: gone',
    });
    // Recovered: the old error no longer fails the check.
    const recovered = evaluateHealth(detailed({ cycle_failures: { consecutive: 0, since: null, last_error: lastError } }), 10, limits, true).find((c) => c.name === 'cycles');
    expect(recovered).toMatchObject({ ok: true, message: 'the last cycle did its work (5 done)' });
  });

  it('does not judge the cache hit rate on too few reads', () => {
    const few = detailed({ cache_performance: { pane_content: { hits: 0, misses: 5, size: 5, total_size: 5, evictions: 0, deduplicated: 0, hit_rate: 0 } } });
    const check = evaluateHealth(few, 10, limits, true).find((c) => c.name === 'cache hit rate');
    expect(check).toMatchObject({ ok: true, message: 'not judged yet: 5 of 20 reads' });
  });
});
