export { defineBenchmarkCommand } from './benchmark-command.js';
export { runBenchmark, type RunBenchmarkOptions } from './run-benchmark.js';
export { type BenchReport, buildReport } from './bench-report.js';
export type { ModeResult, MeasureOptions } from './measure-mode.js';
export { allModes, type BenchMode } from './bench-modes.js';
export { renderChart } from './render-chart.js';
export { renderTable } from './render-table.js';
