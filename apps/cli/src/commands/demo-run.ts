import { mkdir } from 'node:fs/promises';
import type { Config } from '@tmux-orc/config';
import { createMonitor } from '@tmux-orc/monitor';
import { createTmuxSandbox } from '@tmux-orc/sim-fleet';
import pc from 'picocolors';
import { createApiServer } from '../daemon/api-server.js';
import { observeOnly } from '../shared/observe-only.js';
import { demoSocketPath } from '../shared/daemon-paths.js';
import { createPaneFieldReader } from '../shared/pane-fields.js';
import { waitForShutdownSignal } from '../shared/shutdown-signal.js';
import { createDemoDriver } from '../demo/demo-driver.js';
import { createDemoFleet } from '../demo/demo-fleet.js';
import { formatMs } from '../render/format-age.js';
import { renderStatusTable, renderSummary } from '../render/status-table.js';
import type { CommandIo } from '../shared/command-io.js';
import { userCommand } from '../shared/user-command.js';
import type { GlobalConfigOptions } from './config-io.js';
import { loadForCommand } from './config-show.js';

/** The options of `tmux-orc demo`, as commander hands them over. */
export interface DemoOptions {
  agents: string;
  interval: string;
  debounce: string;
  cycles?: string;
}

function positiveNumber(option: string, text: string, integer: boolean): number | string {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    return `--${option}: expected a positive ${integer ? 'integer' : 'number'}, got \`${text}\``;
  }
  return value;
}

/** The user's configuration (with the demo's pace, validated) pointed at the demo server, with actions off. */
function demoConfig(config: Config, socketName: string): Config {
  return { ...observeOnly(config), servers: [{ socket_name: socketName }] };
}

/**
 * Runs the demo: a private tmux server with simulated agents drawing real Claude Code screens and
 * a PM, watched by the real monitor in the foreground (live table), its API served on
 * `$TMUX_ORC_HOME/demo-<name>.sock` so `tmux-orc status -L <name>` from another terminal asks it;
 * everything is removed on exit (Ctrl-C, SIGTERM, errors, `--cycles`).
 */
export async function runDemo(globals: GlobalConfigOptions, options: DemoOptions, io: CommandIo): Promise<number> {
  const count = positiveNumber('agents', options.agents, true);
  const intervalS = positiveNumber('interval', options.interval, false);
  const debounceS = positiveNumber('debounce', options.debounce, false);
  const cycles = options.cycles === undefined ? Number.POSITIVE_INFINITY : positiveNumber('cycles', options.cycles, true);
  for (const value of [count, intervalS, debounceS, cycles]) {
    if (typeof value === 'string') {
      io.stderr(`${value}\n`);
      return 2;
    }
  }
  if (typeof count === 'string' || typeof intervalS === 'string' || typeof debounceS === 'string' || typeof cycles === 'string') return 2;
  // Through the config schema, so the flags have the bounds of the keys they set (`check_interval`, `debounce`).
  const loaded = await loadForCommand(globals, io, { monitoring: { check_interval: intervalS, debounce: debounceS } });
  if (loaded === undefined) return 2;

  const shutdown = waitForShutdownSignal();
  const sandbox = await createTmuxSandbox({ width: 120, height: 40 });
  const config = demoConfig(loaded.config, sandbox.socketName);
  const monitor = createMonitor(config);
  const socket = demoSocketPath(loaded.home, sandbox.socketName);
  const api = createApiServer({ monitor, socketPath: socket, logger: { debug() {}, info() {}, warn() {}, error() {} }, source: 'demo', servers: config.servers, paneCwds: createPaneFieldReader(config, '#{pane_current_path}') });
  let failed = false;
  try {
    const fleet = await createDemoFleet(sandbox, count);
    const driver = createDemoDriver(sandbox, fleet.agents);
    await mkdir(loaded.home, { recursive: true });
    await api.listen();
    io.stderr(`tmux-orc demo: ${count} simulated agents and a PM on the private tmux server -L ${sandbox.socketName}\n`);
    io.stderr(`  from another terminal:  ${userCommand()} status --detailed -L ${sandbox.socketName}\n`);
    io.stderr(`  look at the agents:     tmux -L ${sandbox.socketName} attach -t ${fleet.session}\n`);
    io.stderr('  Ctrl-C stops the demo; everything is removed on exit.\n');
    const live = process.stdout.isTTY === true;
    let done: () => void = () => {};
    const finished = new Promise<void>((resolve) => {
      done = resolve;
    });
    monitor.subscribe((event) => {
      if (event.type !== 'cycle') return;
      const status = api.statusJson();
      const header = `${pc.bold('tmux-orc demo')}  -L ${sandbox.socketName}  cycle ${event.cycle}  ${formatMs(event.durationMs)}  ${status.cycle.strategy ?? '-'} on ${status.cycle.transport ?? '-'}`;
      const frame = `${header}\n${renderSummary(status.summary)}\n${renderStatusTable(status.agents, Date.now())}\n`;
      io.stdout(live ? `\u001b[H\u001b[2J${frame}` : frame);
      if (event.cycle >= cycles) done();
      else void driver.step();
    });
    await monitor.start();
    await Promise.race([finished, shutdown.signal]);
  } catch (error) {
    failed = true;
    io.stderr(`tmux-orc demo: ${error instanceof Error ? error.message : String(error)}\n`);
  } finally {
    shutdown.dispose();
    await monitor.stop().catch(() => undefined);
    await api.close();
    await sandbox.kill();
    io.stderr('tmux-orc demo: stopped; the demo tmux server and its socket are gone.\n');
  }
  return failed ? 1 : 0;
}
