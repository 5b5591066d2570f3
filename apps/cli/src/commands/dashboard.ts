import type { Command } from 'commander';
import type { DashboardFlags } from '../dashboard/dashboard-options.js';
import { processIo, type CommandIo } from '../shared/command-io.js';
import type { GlobalConfigOptions } from './config-io.js';

/** Registers `tmux-orc dashboard`: the live web page of the fleet. */
export function registerDashboardCommand(program: Command, io: CommandIo = processIo()): void {
  program
    .command('dashboard')
    .description('live web page of the fleet (from the daemon, or a read-only monitor run here); prints a URL with a token')
    .option('--port <n>', 'port to listen on (0: any free port)', '0')
    .option('--listen <address>', 'address to listen on (default 127.0.0.1; a non-loopback one needs --expose). `--host` is the SSH host of the server watched')
    .option('--expose', 'allow a --listen address that other machines can reach (says what it exposes)')
    .option('--open', 'open the URL in the desktop browser')
    .option('--json', 'print the URL, port and source as JSON')
    .action(async (options: DashboardFlags, command: Command) => {
      const loaded = await (await import('./monitor-options.js')).loadMonitorConfig(command.optsWithGlobals<GlobalConfigOptions>(), {}, io);
      if (loaded === undefined) return void (process.exitCode = 2);
      process.exitCode = await (await import('../dashboard/run-dashboard.js')).runDashboard(loaded, options, io);
    });
}
