import type { Command } from 'commander';
import { processIo, type CommandIo } from '../shared/command-io.js';
import type { GlobalConfigOptions } from './config-io.js';

/** Registers `tmux-orc detectors`: which agent CLIs are detected, and which of their versions real screens prove. */
export function registerDetectorsCommand(program: Command, io: CommandIo = processIo()): void {
  program
    .command('detectors')
    .description('the detectors, the CLI versions their real screens prove live, and what is only recorded or unproven')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      // Config's `detectors` plugins are listed too, first, as the checkers try them.
      const loaded = await (await import('./monitor-options.js')).loadMonitorConfig(command.optsWithGlobals<GlobalConfigOptions>(), {}, io);
      if (loaded === undefined) return void (process.exitCode = 2);
      process.exitCode = await (await import('./detectors-list.js')).runDetectors(options, io, loaded.config);
    });
}
