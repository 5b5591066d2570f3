import type { Command } from 'commander';
import { processIo, type CommandIo } from '../shared/command-io.js';
import type { GlobalConfigOptions } from './config-io.js';
import type { DemoOptions } from './demo-run.js';

/** Registers `tmux-orc demo`. */
export function registerDemoCommand(program: Command, io: CommandIo = processIo()): void {
  program
    .command('demo')
    .description('run the monitor on simulated agents (real Claude Code screens) on a private tmux server; removed on exit')
    .option('--agents <n>', 'number of simulated agents', '12')
    .option('--interval <seconds>', 'seconds between cycles', '1')
    .option('--debounce <seconds>', 'an agent is idle after its screen stayed unchanged this long', '3')
    .option('--cycles <n>', 'stop after this many cycles (default: until Ctrl-C)')
    .action(async (options: DemoOptions, command: Command) => {
      const { runDemo } = await import('./demo-run.js');
      process.exitCode = await runDemo(command.optsWithGlobals<GlobalConfigOptions>(), options, io);
    });
}
