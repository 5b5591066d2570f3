import type { Command } from 'commander';
import { processIo, type CommandIo } from '../shared/command-io.js';

/** What `tmux-orc benchmark` says when the optional `@tmux-orc/benchmark` is not installed. */
export const benchmarkMissingHint = 'tmux-orc benchmark needs the optional package @tmux-orc/benchmark: npm install -g @tmux-orc/benchmark (it also gives `tmux-orc-bench`)';

function isModuleMissing(error: unknown, name: string): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ERR_MODULE_NOT_FOUND' && error.message.includes(name);
}

/**
 * Registers `tmux-orc benchmark`: the same code as `tmux-orc-bench`, loaded only when run. The
 * benchmark is an optional peer (it is most users' least-needed command and brings its own
 * dependencies), so without it the command says in one line how to get it and exits 1.
 */
export function registerBenchmarkCommand(program: Command, io: CommandIo = processIo()): void {
  program
    .command('benchmark')
    .description('measure monitoring cycles on simulated agents, every mode side by side (needs @tmux-orc/benchmark)')
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .argument('[args...]', 'arguments of tmux-orc-bench (see `tmux-orc benchmark --help` once installed)')
    .action(async (args: string[]) => {
      let benchmark: typeof import('@tmux-orc/benchmark');
      try {
        benchmark = await import('@tmux-orc/benchmark');
      } catch (error) {
        if (!isModuleMissing(error, '@tmux-orc/benchmark')) throw error;
        io.stderr(`${benchmarkMissingHint}\n`);
        return void (process.exitCode = 1);
      }
      const { Command: BenchCommand } = await import('commander');
      await benchmark.defineBenchmarkCommand(new BenchCommand('tmux-orc benchmark')).parseAsync(args, { from: 'user' });
    });
}
