#!/usr/bin/env node
import { Command } from 'commander';
import { defineBenchmarkCommand } from './benchmark-command.js';

try {
  await defineBenchmarkCommand(new Command('tmux-orc-bench')).parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`tmux-orc-bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
