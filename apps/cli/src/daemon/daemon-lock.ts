import { mkdir, open, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CliError } from '../shared/cli-error.js';
import { isDaemonAlive, readPid } from '../shared/daemon-pid.js';

/** The lock of the one daemon: taken, or held by another live daemon. */
export type LockResult = { readonly acquired: true; release(): Promise<void> } | { readonly acquired: false; readonly pid: number };

/**
 * Takes the lock by creating `lockFile` exclusively with our pid in it. A lock whose pid is dead
 * (a killed daemon) is stale: it is removed and taken.
 */
export async function acquireDaemonLock(lockFile: string, pid = process.pid): Promise<LockResult> {
  await mkdir(dirname(lockFile), { recursive: true, mode: 0o700 });
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
