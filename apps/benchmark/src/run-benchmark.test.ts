import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderChart } from './render-chart.js';
import { runBenchmark } from './run-benchmark.js';

function serverRuns(socketName: string): boolean {
  try {
    execFileSync('tmux', ['-L', socketName, 'list-sessions'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('runBenchmark on real tmux', () => {
  it('measures every mode side by side and leaves no tmux server behind', async () => {
    const servers: string[] = [];
    const [report] = await runBenchmark({
      agents: [6],
      measure: { warmupCycles: 1, warmupMs: 0, minCycles: 2, maxCycles: 2, budgetMs: 0, spacingMs: 10 },
      onServer: (name) => servers.push(name),
    });
    expect(report?.agents).toBe(6);
    const byMode = new Map(report?.results.map((result) => [result.mode, result]));
    expect([...byMode.keys()]).toEqual(['sync', 'async-exec', 'control', 'adaptive', 'events', 'floor']);
    // One process per command over exec: a list-panes and a capture per agent, every cycle.
    expect(byMode.get('sync')?.processes_per_cycle).toBe(7);
    expect(byMode.get('async-exec')?.processes_per_cycle).toBe(7);
    // The pool opened its client before the measured cycles: none during them.
    expect(byMode.get('control')?.processes_per_cycle).toBe(0);
    expect(byMode.get('control')?.captures_per_cycle).toBe(6);
    expect(byMode.get('floor')?.captures_per_cycle).toBe(6);
    expect(byMode.get('control')?.pool).toMatchObject({ transport: 'control', errors: 0 });
    // Its subscription client started with the first (warm-up) cycle; no listing needs a process.
    expect(byMode.get('events')?.processes_per_cycle).toBe(0);
    expect(byMode.get('events')?.pool).toMatchObject({ transport: 'control', errors: 0 });
    for (const result of report?.results ?? []) {
      expect(result.cycles).toBe(2);
      expect(result.cycle_ms.p50).toBeGreaterThan(0);
      expect(result.cycle_ms.max).toBeGreaterThanOrEqual(result.cycle_ms.p95);
    }
    expect(report?.speedup.control_vs_sync).toBeGreaterThan(0);
    expect(servers).toHaveLength(1);
    expect(servers.filter(serverRuns)).toEqual([]);
    const svg = renderChart(report === undefined ? [] : [report], 'test');
    expect(svg).toContain('<svg');
    expect(svg.match(/<polyline/g)).toHaveLength(6);
  }, 120_000);

  it('tears the server down when aborted', async () => {
    const abort = new AbortController();
    const servers: string[] = [];
    const run = runBenchmark({
      onServer: (name) => servers.push(name),
      agents: [3],
      measure: { warmupCycles: 0, warmupMs: 0, minCycles: 1000, maxCycles: 1000, budgetMs: 0, spacingMs: 5 },
      signal: abort.signal,
      onProgress: (_done, _total, label) => {
        if (label.includes('cycle 2')) abort.abort();
      },
    });
    await expect(run).rejects.toThrow();
    expect(servers).toHaveLength(1);
    expect(servers.filter(serverRuns)).toEqual([]);
  }, 60_000);
});
