import { createRequire } from 'node:module';
import { Command } from 'commander';
import { registerBenchmarkCommand } from './commands/benchmark.js';
import { registerConfigCommands } from './commands/config.js';
import { registerDashboardCommand } from './commands/dashboard.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerDetectorsCommand } from './commands/detectors.js';
import { registerMonitorCommands } from './commands/monitor.js';
import { registerObserveCommands } from './commands/observe.js';

const require = createRequire(import.meta.url);
const { version } = require('../package.json') as { version: string };

/**
 * Builds the `tmux-orc` command tree. Each command group registers itself from its own file
 * (`commands/<group>.ts`), so this file only wires them together.
 */
export function createProgram(): Command {
  const program = new Command('tmux-orc')
    .description('Monitor fleets of AI coding agents running in tmux.')
    .version(version, '-V, --version', 'print the version and exit')
    .option('-L, --socket-name <name>', 'tmux server socket name (as tmux -L)')
    .option('-S, --socket-path <path>', 'tmux server socket path (as tmux -S)')
    .option('--host <user@box>', 'the -L/-S (or default) tmux server runs on this SSH host (ssh -o BatchMode=yes must work)')
    .option('--config <file>', 'configuration file to load')
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: true });
  registerBenchmarkCommand(program);
  registerConfigCommands(program);
  registerDashboardCommand(program);
  registerDemoCommand(program);
  registerDetectorsCommand(program);
  registerMonitorCommands(program);
  registerObserveCommands(program);
  return program;
}
