import type { ModeResult } from './measure-mode.js';
import { round } from './statistics.js';

/** The benchmark's result for one fleet size, in the documented JSON shape. */
export interface BenchReport {
  readonly agents: number;
  readonly date: string;
  readonly results: readonly ModeResult[];
  readonly speedup: { readonly control_vs_sync: number | null; readonly control_vs_async_exec: number | null; readonly adaptive_vs_sync: number | null };
  readonly overhead_vs_floor: number | null;
  /** The tmux server's CPU (% of a core) with no monitor running, over 10 s (with `--live`). */
  readonly tmux_baseline_pct?: number | null;
}

function ratio(numerator: number | undefined, denominator: number | undefined): number | null {
  if (numerator === undefined || denominator === undefined || denominator <= 0) return null;
  return round(numerator / denominator, 1);
}

/** Speed-ups (p50 against p50) and the control mode's overhead over the physical floor. */
export function buildReport(agents: number, results: readonly ModeResult[], date: Date): BenchReport {
  const p50 = (mode: ModeResult['mode']): number | undefined => results.find((result) => result.mode === mode)?.cycle_ms.p50;
  return {
    agents,
    date: date.toISOString(),
    results,
    speedup: {
      control_vs_sync: ratio(p50('sync'), p50('control')),
      control_vs_async_exec: ratio(p50('async-exec'), p50('control')),
      adaptive_vs_sync: ratio(p50('sync'), p50('adaptive')),
    },
    overhead_vs_floor: ratio(p50('control'), p50('floor')),
  };
}
