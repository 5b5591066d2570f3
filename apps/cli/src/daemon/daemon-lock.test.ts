import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runningDaemonPid } from '../shared/daemon-pid.js';
import { acquireDaemonLock } from './daemon-lock.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function lockPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tmux-orc-lock-'));
  dirs.push(dir);
  return join(dir, 'monitor.lock');
}
/** A pid that surely is not running: a child that already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid ?? 999_999;
}

describe('acquireDaemonLock', () => {
  // A second taker meeting a live daemon is covered by daemon.test.ts (two real `monitor start`s).
  it('writes our pid into the lock; release frees it', async () => {
    const path = lockPath();
    const first = await acquireDaemonLock(path, process.pid);
    expect(first.acquired).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(`${process.pid}\n`);
    if (first.acquired) await first.release();
    expect(await runningDaemonPid(path)).toBeNull();
    const again = await acquireDaemonLock(path, process.pid);
    expect(again.acquired).toBe(true);
  });

  it('replaces a lock whose pid is dead', async () => {
    const path = lockPath();
    writeFileSync(path, `${deadPid()}\n`);
    expect(await runningDaemonPid(path)).toBeNull();
    const lock = await acquireDaemonLock(path, 4242);
    expect(lock.acquired).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('4242\n');
  });

  it('replaces an empty or garbled lock', async () => {
    const path = lockPath();
    writeFileSync(path, 'not a pid');
    expect((await acquireDaemonLock(path, 4243)).acquired).toBe(true);
  });
});
