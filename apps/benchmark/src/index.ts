export { defineBenchmarkCommand } from './benchmark-command.js';
export { runBenchmark, type RunBenchmarkOptions } from './run-benchmark.js';
export type { BenchReport } from './bench-report.js';
export type { ModeResult, MeasureOptions } from './measure-mode.js';
export type { BenchMode } from './bench-modes.js';
