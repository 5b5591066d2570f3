import { describe, expect, it } from 'vitest';
import { buildReport } from './bench-report.js';
import type { ModeResult } from './measure-mode.js';
import { parseAgentCounts } from './parse-agent-counts.js';
import { readCpuTimes } from './proc-stat.js';
import { percentile } from './statistics.js';

const result = (mode: ModeResult['mode'], p50: number): ModeResult => ({
  mode,
  cycles: 1,
  cycle_ms: { p50, p95: p50, max: p50 },
  processes_per_cycle: 0,
  captures_per_cycle: 0,
  cpu_ms_per_cycle: 0,
  tmux_cpu_ms_per_cycle: 0,
  live: null,
  rss_mb: 0,
  pool: null,
  cache: null,
});

describe('benchmark arithmetic', () => {
  it('takes nearest-rank percentiles', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([], 50)).toBeNaN();
  });

  it('computes speed-ups and the overhead over the floor from p50s', () => {
    const report = buildReport(100, [result('sync', 400), result('async-exec', 250), result('control', 8), result('adaptive', 2), result('floor', 5)], new Date(0));
    expect(report.speedup).toEqual({ control_vs_sync: 50, control_vs_async_exec: 31.3, adaptive_vs_sync: 200 });
    expect(report.overhead_vs_floor).toBe(1.6);
    expect(buildReport(1, [result('control', 1)], new Date(0)).speedup.control_vs_sync).toBeNull();
  });

  it('parses fleet sizes and names a bad one', () => {
    expect(parseAgentCounts('10,25, 100')).toEqual([10, 25, 100]);
    expect(() => parseAgentCounts('10,x')).toThrow('Expected --agents to be positive integers separated by commas, got `x` in `10,x`');
  });

  it('reads CPU times from /proc', () => {
    expect(readCpuTimes('self')?.selfMs).toBeGreaterThanOrEqual(0);
    expect(readCpuTimes(2 ** 30)).toBeNull();
  });
});
