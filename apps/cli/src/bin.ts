#!/usr/bin/env node
import { createProgram } from './program.js';

// `tmux-orc … | head` closes our stdout early; that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`tmux-orc: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env['TMUX_ORC_DEBUG'] === '1' && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
}
