import { existsSync } from 'node:fs';
import type { LoadedConfig } from '@tmux-orc/config';
import { isDaemonAlive, runningDaemonPid } from '../shared/daemon-pid.js';
import { daemonPaths } from '../shared/daemon-paths.js';
import type { CommandIo } from '../shared/command-io.js';
import { parseSecondsFlag } from '../shared/seconds-flag.js';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * `tmux-orc monitor stop`: SIGTERM to the daemon, then waits (up to `timeoutS`) until it has
 * finished its cycle, closed its tmux clients and removed its files. Not running is not an error.
 */
export async function runMonitorStop(loaded: LoadedConfig, options: { json?: boolean; timeout?: string }, io: CommandIo): Promise<number> {
  const paths = daemonPaths(loaded);
  const say = (json: Record<string, unknown>, text: string): void => io.stdout(options.json === true ? `${JSON.stringify(json)}\n` : `${text}\n`);
  const timeoutS = parseSecondsFlag('timeout', options.timeout ?? '30');
  if (typeof timeoutS === 'string') {
    io.stderr(`${timeoutS}\n`);
    return 2;
  }
  const timeoutMs = timeoutS * 1000;
  const pid = await runningDaemonPid(paths.lockFile);
  if (pid === null) {
    say({ running: false, stopped: false }, 'tmux-orc monitor: not running');
    return 0;
  }
  const started = Date.now();
  try {
    process.kill(pid, 'SIGTERM');
  } catch (error) {
    io.stderr(`tmux-orc monitor: could not signal pid ${pid}: ${(error as Error).message}\n`);
    return 1;
  }
  while (Date.now() - started < timeoutMs) {
    if (!isDaemonAlive(pid) && !existsSync(paths.socket)) {
      const seconds = (Date.now() - started) / 1000;
      say({ running: false, stopped: true, pid, seconds }, `tmux-orc monitor: stopped (pid ${pid}) in ${seconds.toFixed(1)} s`);
      return 0;
    }
    await sleep(100);
  }
  io.stderr(`tmux-orc monitor: pid ${pid} still running ${timeoutMs / 1000} s after SIGTERM; see ${paths.monitorLog}\n`);
  return 1;
}
