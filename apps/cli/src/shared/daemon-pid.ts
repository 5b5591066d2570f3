import { readFileSync } from 'node:fs';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

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
    // `monitor run` in a terminal, or the detached daemon's own entry (`daemon-main.js`).
    return cmdline.includes('monitor') || cmdline.includes('tmux-orc') || cmdline.includes('daemon-main.js');
  } catch {
    return true; // no /proc (macOS): trust kill(0)
  }
}

/** The pid written in a lock or pid file, or null when there is none or it is not a number. */
export async function readPid(file: string): Promise<number | null> {
  try {
    // Not through a link: a planted one names no daemon (the lock's owner then replaces it).
    const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const text = await handle.readFile('utf8').finally(() => handle.close());
    const pid = Number(text.trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** The pid of the running daemon, read from its lock file, or null (no lock, or a stale one). */
export async function runningDaemonPid(lockFile: string): Promise<number | null> {
  const pid = await readPid(lockFile);
  return pid !== null && isDaemonAlive(pid) ? pid : null;
}
