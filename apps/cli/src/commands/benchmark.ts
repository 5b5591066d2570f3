import { defineBenchmarkCommand } from '@tmux-orc/benchmark';
import type { Command } from 'commander';

/** Registers `tmux-orc benchmark`: the same code as `tmux-orc-bench` (apps/benchmark). */
export function registerBenchmarkCommand(program: Command): void {
  defineBenchmarkCommand(program.command('benchmark'));
}
