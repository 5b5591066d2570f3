import type { Logger } from '@tmux-orc/tmux-pool';
import { pino, type Logger as PinoLogger } from 'pino';
import type { DaemonPaths } from '../shared/daemon-paths.js';
import { createRotatingFile, type RotatingFile, type RotatingFileOptions } from './rotating-file.js';

/** The daemon's three JSON-lines logs. */
export interface DaemonLoggers {
  /** `logs/async-monitor.log`: lifecycle, transitions, errors (the monitor's logger). */
  readonly monitor: Logger;
  /** `logs/performance.log`: one line per cycle. */
  readonly performance: Logger;
  /** `logs/pool-stats.log`: pool and cache counters. */
  readonly poolStats: Logger;
  close(): void;
}

type Level = 'debug' | 'info' | 'warn' | 'error';

/** Adapts pino to the `(message, fields)` logger every tmux-orc package takes. */
function toLogger(log: PinoLogger): Logger {
  const at = (level: Level) => (message: string, fields?: Record<string, unknown>) => {
    if (fields === undefined) log[level](message);
    else log[level](fields, message);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Opens the three logs under `paths.logDir`, each rotated by size. */
export function createDaemonLoggers(paths: DaemonPaths, level: Level, rotation: RotatingFileOptions = {}): DaemonLoggers {
  const files: RotatingFile[] = [];
  const open = (path: string, name: string): Logger => {
    const file = createRotatingFile(path, rotation);
    files.push(file);
    return toLogger(pino({ level, base: { pid: process.pid, log: name }, timestamp: pino.stdTimeFunctions.isoTime }, file));
  };
  return {
    monitor: open(paths.monitorLog, 'monitor'),
    performance: open(paths.performanceLog, 'performance'),
    poolStats: open(paths.poolStatsLog, 'pool-stats'),
    close() {
      for (const file of files) file.close();
    },
  };
}
