import { isAbsolute, join } from 'node:path';
import type { LoadedConfig } from '@tmux-orc/config';

/** Where the daemon keeps its files, all under `$TMUX_ORC_HOME` (default `~/.tmux-orchestrator/`). */
export interface DaemonPaths {
  readonly home: string;
  readonly pidFile: string;
  readonly lockFile: string;
  readonly socket: string;
  readonly stateFile: string;
  readonly logDir: string;
  /** The main log: daemon events, transitions, errors. */
  readonly monitorLog: string;
  /** One line per cycle (when `logging.performance`). */
  readonly performanceLog: string;
  /** Pool and cache counters, once a minute. */
  readonly poolStatsLog: string;
  /** stdout/stderr of the detached daemon process (crash output before the logger exists). */
  readonly daemonOutput: string;
}

/** The daemon's file names for a loaded configuration. */
export function daemonPaths(loaded: Pick<LoadedConfig, 'home' | 'config'>): DaemonPaths {
  const { home } = loaded;
  const configured = loaded.config.logging.directory;
  const logDir = isAbsolute(configured) ? configured : join(home, configured);
  return {
    home,
    pidFile: join(home, 'monitor.pid'),
    lockFile: join(home, 'monitor.lock'),
    socket: join(home, 'monitor.sock'),
    stateFile: join(home, 'state.json'),
    logDir,
    monitorLog: join(logDir, 'async-monitor.log'),
    performanceLog: join(logDir, 'performance.log'),
    poolStatsLog: join(logDir, 'pool-stats.log'),
    daemonOutput: join(logDir, 'daemon-output.log'),
  };
}

/** The socket a foreground `tmux-orc demo` serves its API on, so `status -L NAME` finds it. */
export function demoSocketPath(home: string, socketName: string): string {
  return join(home, `demo-${socketName}.sock`);
}
