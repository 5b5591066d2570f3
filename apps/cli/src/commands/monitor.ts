import type { MonitorEvent } from '@tmux-orc/monitor';
import { Option, type Command } from 'commander';
import { renderHeldReportLine } from '../render/held-reports.js';
import { renderTransitionLine } from '../render/transition-line.js';
import { processIo, type CommandIo } from '../shared/command-io.js';
import type { GlobalConfigOptions } from './config-io.js';
import { logNames } from './monitor-logs.js';
import { addMonitorFlags, readMonitorFlags, type MonitorFlags } from './monitor-flags.js';

type FlagOptions = MonitorFlags & { sync?: boolean; json?: boolean };

/** `monitor run` on stdout: a transition as the demo's table shows it (`--json`: its JSON line), and held reports. */
function printEvent(io: CommandIo, event: MonitorEvent, json: boolean): void {
  if (event.type === 'transition') io.stdout(json ? `${JSON.stringify(event.transition)}\n` : `${renderTransitionLine(event.transition)}\n`);
  // The daemon log has it already (the monitor logs it); a terminal should see it too.
  if (event.type === 'report_held' && !json) io.stdout(`${renderHeldReportLine(event.report)}\n`);
}

/** Registers `tmux-orc monitor start|stop|status|run|logs`. */
export function registerMonitorCommands(program: Command, io: CommandIo = processIo()): void {
  const monitor = program.command('monitor').description('start, stop and inspect the monitor daemon');
  // Loaded on use: a command that never loads the configuration (`--help`) does not load zod and yaml.
  const load = async (command: Command, flags: MonitorFlags = {}) => (await import('./monitor-options.js')).loadMonitorConfig(command.optsWithGlobals<GlobalConfigOptions>(), flags, io);

  addMonitorFlags(
    monitor
      .command('start')
      .description('start the one monitor daemon, detached (already running: says so, exit 0)')
      .option('--dry-run', 'validate the config, print the effective settings and the transport; start nothing')
      .option('--json', 'print JSON'),
  ).action(async (options: FlagOptions & { dryRun?: boolean }, command: Command) => {
    const flags = readMonitorFlags(options);
    const loaded = await load(command, flags);
    if (loaded === undefined) return void (process.exitCode = 2);
    process.exitCode = await (await import('./monitor-start.js')).runMonitorStart(loaded, options, io);
  });

  addMonitorFlags(
    monitor
      .command('run')
      .description('run the monitor daemon in the foreground (Ctrl-C stops it cleanly)')
      .option('--json', 'print transitions as JSON lines'),
  ).action(async (options: FlagOptions, command: Command) => {
    const loaded = await load(command, readMonitorFlags(options));
    if (loaded === undefined) return void (process.exitCode = 2);
    const json = options.json === true;
    process.exitCode = await (await import('../daemon/run-daemon.js')).runDaemon(loaded, io, { echo: true, json, onEvent: (event) => printEvent(io, event, json) });
  });

  monitor
    .command('stop')
    .description('stop the daemon gracefully: it finishes its cycle, closes its tmux clients; waits and reports')
    .option('--timeout <seconds>', 'longest wait for the daemon to end', '30')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean; timeout?: string }, command: Command) => {
      const loaded = await load(command);
      if (loaded === undefined) return void (process.exitCode = 2);
      process.exitCode = await (await import('./monitor-stop.js')).runMonitorStop(loaded, options, io);
    });

  monitor
    .command('status')
    .description('is the daemon running (exit 0) or not (exit 3); its pid, socket, cycles and agents')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const loaded = await load(command);
      if (loaded === undefined) return void (process.exitCode = 2);
      process.exitCode = await (await import('./monitor-status.js')).runMonitorStatus(loaded, options, io);
    });

  monitor
    .command('logs')
    .description('print the daemon log (JSON lines, shown readable); -f follows it')
    .option('-f, --follow', 'keep printing new lines until Ctrl-C')
    .option('-n, --lines <n>', 'how many of the last lines to print', '20')
    .addOption(new Option('--file <name>', 'which log').choices(logNames).default('monitor'))
    .option('--json', 'print the raw JSON lines')
    .action(async (options: { follow?: boolean; lines: string; file: (typeof logNames)[number]; json?: boolean }, command: Command) => {
      const loaded = await load(command);
      if (loaded === undefined) return void (process.exitCode = 2);
      process.exitCode = await (await import('./monitor-logs.js')).runMonitorLogs(loaded, options, io);
    });
}
