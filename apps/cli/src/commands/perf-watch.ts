import type { LoadedConfig } from '@tmux-orc/config';
import { createMonitor } from '@tmux-orc/monitor';
import { observeOnly } from '../shared/observe-only.js';
import { createCycleStats } from '../shared/cycle-stats.js';
import { findLiveMonitor } from '../client/find-monitor.js';
import { waitForShutdownSignal } from '../shared/shutdown-signal.js';
import { toStatusJson, type StatusJson } from '../shared/status-json.js';
import { callApi } from '../client/api-client.js';
import { renderPerfDashboard } from '../render/perf-dashboard.js';
import type { CommandIo } from '../shared/command-io.js';
import { parseSecondsFlag } from '../shared/seconds-flag.js';

/**
 * `tmux-orc perf watch [--interval S]`: redraws the dashboard in place every interval from the
 * daemon's API, or, with no daemon watching this server, from a monitor running in this process
 * (actions off). Ends on Ctrl-C, SIGTERM or `q` (stdin in raw mode when it is a terminal).
 */
export async function runPerfWatch(loaded: LoadedConfig, options: { interval: string }, io: CommandIo): Promise<number> {
  const intervalS = parseSecondsFlag('interval', options.interval);
  if (typeof intervalS === 'string') {
    io.stderr(`${intervalS}\n`);
    return 2;
  }
  const live = await findLiveMonitor(loaded);
  let read: () => Promise<StatusJson | string>;
  let source: string;
  let stopLocal = async (): Promise<void> => {};
  if (live !== null) {
    source = `${live.status.source} ${live.socket}`;
    read = async () => {
      const answer = await callApi<StatusJson>(live.socket, '/status');
      return answer.ok ? answer.body : `the monitor stopped answering: ${answer.message}`;
    };
  } else {
    const monitor = createMonitor(observeOnly(loaded.config));
    const cycles = createCycleStats();
    monitor.subscribe((event) => {
      if (event.type === 'cycle') cycles.record(event.durationMs);
    });
    const startedAt = new Date().toISOString();
    await monitor.start();
    source = 'in-process monitor (no daemon watches this server)';
    read = async () => toStatusJson({ status: monitor.status(), cycles: cycles.snapshot(), source: 'one-shot', startedAt });
    stopLocal = () => monitor.stop();
  }

  const tty = process.stdout.isTTY === true;
  const shutdown = waitForShutdownSignal();
  let quit = false;
  let wake: () => void = () => {};
  void shutdown.signal.then(() => {
    quit = true;
    wake();
  });
  const stdin = process.stdin;
  const onKey = (key: Buffer): void => {
    const text = key.toString('utf8');
    if (text === 'q' || text === 'Q' || text === '\u0003') {
      quit = true;
      wake();
    }
  };
  if (stdin.isTTY) {
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onKey);
  }
  if (tty) io.stdout('\u001b[?1049h\u001b[?25l'); // alternate screen, hide cursor
  try {
    while (!quit) {
      const status = await read();
      const lines = typeof status === 'string' ? [status] : renderPerfDashboard(status, new Date(), source);
      // Home, rewrite every line clearing its tail, clear below: redraws in place without flicker.
      io.stdout(tty ? `\u001b[H${lines.map((line) => `${line}\u001b[K`).join('\n')}\n\u001b[J` : `${lines.join('\n')}\n\n`);
      await new Promise<void>((done) => {
        const timer = setTimeout(done, intervalS * 1000);
        wake = () => {
          clearTimeout(timer);
          done();
        };
      });
    }
  } finally {
    if (stdin.isTTY) {
      stdin.off('data', onKey);
      stdin.setRawMode(false);
      stdin.pause();
    }
    if (tty) io.stdout('\u001b[?25h\u001b[?1049l');
    shutdown.dispose();
    await stopLocal();
  }
  return 0;
}
