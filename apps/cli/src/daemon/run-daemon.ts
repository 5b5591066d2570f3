import { closeSync, unlinkSync, writeSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import type { LoadedConfig } from '@tmux-orc/config';
import { createMonitor, type MonitorEvent } from '@tmux-orc/monitor';

import type { CommandIo } from '../shared/command-io.js';
import { createApiServer } from './api-server.js';
import { acquireDaemonLock } from './daemon-lock.js';
import { createDaemonLoggers } from './daemon-loggers.js';
import { daemonPaths } from '../shared/daemon-paths.js';
import { createPaneFieldReader } from '../shared/pane-fields.js';
import { waitForShutdownSignal } from '../shared/shutdown-signal.js';
import { ensurePrivateDirectory } from '../shared/private-directory.js';
import { openPrivateFile } from '../shared/private-file.js';

/** Writes our pid into a new `monitor.pid`: whatever was there (a stale file, a planted link) is removed, not written through. */
function writePidFile(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const fd = openPrivateFile(path, 'create');
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
}

/** Options of {@link runDaemon}. */
export interface RunDaemonOptions {
  /** Print transitions on stdout (`monitor run` in a terminal); the detached daemon only logs. */
  readonly echo: boolean;
  readonly json: boolean;
  /** With `echo`: called with every monitor event (`monitor run` prints transitions and held reports). */
  readonly onEvent?: (event: MonitorEvent) => void;
}

/**
 * Runs the one monitor daemon in this process until SIGINT/SIGTERM/SIGHUP: takes the lock, writes
 * the pid file, serves the API on `monitor.sock` (0600), runs the monitor; on a signal finishes the
 * cycle, closes every tmux client and removes pid, socket and lock. Returns the exit code.
 */
export async function runDaemon(loaded: LoadedConfig, io: CommandIo, options: RunDaemonOptions): Promise<number> {
  const paths = daemonPaths(loaded);
  const { config } = loaded;
  ensurePrivateDirectory(paths.home, 'tmux-orc home');
  ensurePrivateDirectory(paths.logDir, 'log directory');
  const lock = await acquireDaemonLock(paths.lockFile);
  if (!lock.acquired) {
    io.stdout(options.json ? `${JSON.stringify({ running: true, pid: lock.pid, started: false })}\n` : `tmux-orc monitor: already running (pid ${lock.pid})\n`);
    return 0;
  }
  let loggers: ReturnType<typeof createDaemonLoggers>;
  try {
    loggers = createDaemonLoggers(paths, config.logging.debug_async ? 'debug' : config.logging.level);
  } catch (error) {
    // Nothing runs yet: leave no lock behind.
    await lock.release();
    throw error;
  }
  const log = loggers.monitor;
  const monitor = createMonitor(config, { logger: log, statePath: paths.stateFile });
  const api = createApiServer({
    monitor,
    socketPath: paths.socket,
    logger: log,
    source: 'daemon',
    servers: config.servers,
    paneCwds: createPaneFieldReader(config, '#{pane_current_path}'),
    hookDisagreementMs: (config.monitoring.debounce + config.monitoring.check_interval) * 1000,
  });
  const shutdown = waitForShutdownSignal();
  let code = 0;
  try {
    writePidFile(paths.pidFile);
    await api.listen();
    monitor.subscribe((event) => {
      if (event.type === 'transition') {
        const t = event.transition;
        log.info('transition', { ...t });
      }
      if (options.echo) options.onEvent?.(event);
      if (event.type !== 'cycle') return;
      // The status (every agent, sorted) is built only for a cycle that logs it: an idle daemon's CPU.
      const poolLine = event.cycle === 1 || event.cycle % 10 === 0;
      if (!config.logging.performance && !poolLine) return;
      const status = monitor.status();
      if (config.logging.performance) {
        loggers.performance.info('cycle', { cycle: event.cycle, ms: event.durationMs, agents: status.agents.length, strategy: status.current_strategy, transport: status.connection_pool?.transport });
      }
      if (poolLine) loggers.poolStats.info('pool', { cycle: event.cycle, pool: status.connection_pool, cache: status.cache_performance });
    });
    log.info('daemon started', { pid: process.pid, socket: paths.socket, servers: config.servers, strategy: config.monitoring.async.strategy, interval: config.monitoring.check_interval });
    await monitor.start();
    if (options.echo) io.stderr(`tmux-orc monitor: running (pid ${process.pid}), API on ${paths.socket}; Ctrl-C to stop\n`);
    const signal = await shutdown.signal;
    log.info('stopping', { signal });
  } catch (error) {
    code = 1;
    log.error('daemon failed', { error: error instanceof Error ? error.message : String(error) });
    io.stderr(`tmux-orc monitor: ${error instanceof Error ? error.message : String(error)}\n`);
  } finally {
    shutdown.dispose();
    await monitor.stop().catch((error: unknown) => log.error('monitor stop failed', { error: String(error) }));
    loggers.poolStats.info('pool at stop', { pool: monitor.status().connection_pool, cache: monitor.status().cache_performance });
    await api.close();
    await unlink(paths.pidFile).catch(() => undefined);
    await lock.release();
    log.info('daemon stopped', { pid: process.pid });
    loggers.close();
    if (options.echo) io.stderr('tmux-orc monitor: stopped\n');
  }
  return code;
}
