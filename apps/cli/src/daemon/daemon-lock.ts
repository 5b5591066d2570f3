import { readFileSync } from 'node:fs';
import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CliError } from './cli-error.js';

/** The lock of the one daemon: taken, or held by another live daemon. */
export type LockResult = { readonly acquired: true; release(): Promise<void> } | { readonly acquired: false; readonly pid: number };

/**
 * True when `pid` is a live process that looks like a tmux-orc daemon. A pid left by a killed
 * daemon may have been reused by something else: on Linux its command line tells.
 */
export function isDaemonAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('monitor') || cmdline.includes('tmux-orc');
  } catch {
    return true; // no /proc (macOS): trust kill(0)
  }
}

/** The pid written in a lock or pid file, or null when there is none or it is not a number. */
export async function readPid(file: string): Promise<number | null> {
  try {
    const pid = Number((await readFile(file, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** The pid of the running daemon, or null (no lock, or a stale one). */
export async function runningDaemonPid(lockFile: string): Promise<number | null> {
  const pid = await readPid(lockFile);
  return pid !== null && isDaemonAlive(pid) ? pid : null;
}

/**
 * Takes the lock by creating `lockFile` exclusively with our pid in it. A lock whose pid is dead
 * (a killed daemon) is stale: it is removed and taken.
 */
export async function acquireDaemonLock(lockFile: string, pid = process.pid): Promise<LockResult> {
  await mkdir(dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      const handle = await open(lockFile, 'wx', 0o600);
      await handle.writeFile(`${pid}\n`);
      await handle.close();
      return {
        acquired: true,
        async release() {
          if ((await readPid(lockFile)) === pid) await unlink(lockFile).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readPid(lockFile);
    if (holder !== null && holder !== pid && isDaemonAlive(holder)) return { acquired: false, pid: holder };
    // Empty (a daemon between open and write) or stale: give a writer a moment, then replace.
    if (holder === null && attempt === 0) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    await unlink(lockFile).catch(() => undefined);
  }
  throw new CliError('LOCK_FAILED', `Expected to take the daemon lock ${lockFile}, got another process racing for it 5 times`);
}
