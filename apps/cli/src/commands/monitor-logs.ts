import { createReadStream, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { LoadedConfig } from '@tmux-orc/config';
import { daemonPaths, type DaemonPaths } from '../shared/daemon-paths.js';
import { waitForShutdownSignal } from '../shared/shutdown-signal.js';
import type { CommandIo } from '../shared/command-io.js';

/** Which log `monitor logs --file` reads. */
export const logNames = ['monitor', 'performance', 'pool-stats', 'output'] as const;

const levels: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

function fileOf(paths: DaemonPaths, name: (typeof logNames)[number]): string {
  return { monitor: paths.monitorLog, performance: paths.performanceLog, 'pool-stats': paths.poolStatsLog, output: paths.daemonOutput }[name];
}

/** One pino JSON line as `time LEVEL message key=value…`; other lines as they are. */
function formatLogLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const { time, level, msg, pid: _pid, log: _log, ...fields } = entry;
  const rest = Object.entries(fields).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return [String(time ?? ''), (levels[Number(level)] ?? String(level)).padEnd(5), String(msg ?? ''), ...rest].join(' ');
}

/** `tmux-orc monitor logs [-f] [-n N] [--file NAME] [--json]`: the last N lines, then new ones with -f. */
export async function runMonitorLogs(
  loaded: LoadedConfig,
  options: { follow?: boolean; lines: string; file: (typeof logNames)[number]; json?: boolean },
  io: CommandIo,
): Promise<number> {
  const count = Number(options.lines);
  if (!Number.isInteger(count) || count < 0) {
    io.stderr(`-n: expected a whole number of lines >= 0, got \`${options.lines}\`\n`);
    return 2;
  }
  const file = fileOf(daemonPaths(loaded), options.file);
  const show = (lines: readonly string[]): void => {
    const text = lines.filter((line) => line !== '').map((line) => (options.json === true ? line : formatLogLine(line))).join('\n');
    if (text !== '') io.stdout(`${text}\n`);
  };
  if (!existsSync(file) && options.follow !== true) {
    io.stderr(`tmux-orc monitor logs: no log yet at ${file}\n`);
    return 1;
  }
  const text = existsSync(file) ? await readFile(file, 'utf8') : '';
  show(count === 0 ? [] : text.split('\n').filter((line) => line !== '').slice(-count));
  if (options.follow !== true) return 0;

  // Follow by polling the size: works across rotation (the file shrinks: start over) and on every FS.
  let offset = Buffer.byteLength(text);
  let partial = '';
  const shutdown = waitForShutdownSignal();
  let stopped = false;
  void shutdown.signal.then(() => {
    stopped = true;
  });
  while (!stopped) {
    await new Promise((done) => setTimeout(done, 250));
    const size = existsSync(file) ? statSync(file).size : 0;
    if (size < offset) offset = 0;
    if (size === offset) continue;
    const chunk = await new Promise<string>((resolve, reject) => {
      const parts: Buffer[] = [];
      createReadStream(file, { start: offset, end: size - 1 })
        .on('data', (part) => parts.push(part as Buffer))
        .on('end', () => resolve(Buffer.concat(parts).toString('utf8')))
        .on('error', reject);
    });
    offset = size;
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    show(lines);
  }
  shutdown.dispose();
  return 0;
}
