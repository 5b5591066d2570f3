import type { ModeOptions } from './bench-modes.js';
import { runMultiHost } from './multi-host.js';
import { renderMultiHost } from './render-multi-host.js';

/** The parsed `--hosts` run. */
export interface MultiHostCommandOptions {
  readonly hosts: number;
  readonly agentsPerHost: number;
  readonly rttMs: number;
  readonly cycles: number;
  readonly json: boolean;
  readonly mode: ModeOptions;
}

/** Runs the multi-host comparison and prints it (a table, or JSON). */
export async function runMultiHostCommand(options: MultiHostCommandOptions): Promise<void> {
  if (!Number.isInteger(options.hosts) || !Number.isInteger(options.agentsPerHost)) {
    throw new Error(`Expected --hosts and --agents to be whole numbers with --hosts, got \`${String(options.hosts)}\` and \`${String(options.agentsPerHost)}\``);
  }
  const report = await runMultiHost({ ...options, spacingMs: 250 }, (label) => process.stderr.write(`\r${label.padEnd(40)}`));
  process.stderr.write('\r'.padEnd(41) + '\r');
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderMultiHost(report));
}
