import { chmod, chown, lstat, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { simAgentCommand, simAgentProcessName, simAgentScreensDir, useTmuxSandbox } from '@tmux-orc/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCliIfStale } from '../__fixtures__/cli-harness.js';
import { faultConfig, startFaultDaemon, useCliHome, waitUntil } from './__fixtures__/fault-daemon.js';

beforeAll(() => buildCliIfStale(), 300_000);

const screensDir = join(simAgentScreensDir, 'claude-code');
const secret = 'secret: not the daemon\'s to write\n';

/** A file outside the home the daemon must never write: what a planted link points at. */
async function victim(dir: string, name: string): Promise<string> {
  const path = join(dir, `victim-${name}`);
  await writeFile(path, secret, { mode: 0o600 });
  return path;
}

describe('links planted in TMUX_ORC_HOME', { timeout: 120_000 }, () => {
  it('monitor.pid, monitor.lock, monitor.sock and state.json as links: the daemon replaces each link and writes no target', async () => {
    const sandbox = await useTmuxSandbox();
    const home = await useCliHome();
    const pmFile = join(home.dir, 'pm.log');
    await sandbox.newSession('team', { window: 'pm', command: simAgentCommand({ screensDir, screen: 'idle-replied', record: pmFile, processName: simAgentProcessName }) });
    const { paneId } = await sandbox.newWindow('team', 'Claude-dev', { command: simAgentCommand({ screensDir, screen: 'idle-replied' }) });
    await sandbox.tmux('set-option', '-p', '-t', paneId, '@tmux-orc-agent', 'claude-code');
    await mkdir(home.home, { mode: 0o700 });
    const files = ['monitor.pid', 'monitor.lock', 'monitor.sock', 'state.json'];
    const victims = await Promise.all(files.map(async (file) => {
      const target = await victim(home.dir, file);
      await symlink(target, join(home.home, file));
      return target;
    }));

    await startFaultDaemon(home, sandbox.socketName, faultConfig({ pm: true }));
    // A report to the PM puts a cooldown into state.json: the daemon has written every file by then.
    await waitUntil(async () => ((await readFile(pmFile, 'utf8').catch(() => '')).includes('dev (team:1) idle') ? true : undefined), 'a report about dev');
    await waitUntil(() => (existsSync(join(home.home, 'state.json')) ? lstat(join(home.home, 'state.json')).then((s) => (s.isSymbolicLink() ? undefined : s)) : undefined), 'state.json written');
    for (const file of ['monitor.pid', 'monitor.lock', 'monitor.sock', 'state.json']) {
      expect((await lstat(join(home.home, file))).isSymbolicLink(), file).toBe(false);
    }
    for (const file of ['monitor.pid', 'monitor.lock', 'state.json']) expect((await stat(join(home.home, file))).mode & 0o777, file).toBe(0o600);
    const log = await readFile(join(home.home, 'logs', 'async-monitor.log'), 'utf8');
    expect(log).toMatch(/ELOOP.*"msg":"state file ignored"/);
    expect((await home.run(['monitor', 'stop'])).code).toBe(0);
    for (const [i, target] of victims.entries()) expect(await readFile(target, 'utf8'), files[i]).toBe(secret);
  });

  it.each(['async-monitor.log', 'performance.log', 'pool-stats.log', 'daemon-output.log'])('logs/%s as a link: start refuses, naming it; the target is untouched', async (file) => {
    const home = await useCliHome();
    await mkdir(join(home.home, 'logs'), { recursive: true, mode: 0o700 });
    const target = await victim(home.dir, file);
    const link = join(home.home, 'logs', file);
    await symlink(target, link);
    const run = await home.run(['-L', 'tmux-orc-test-unused', 'monitor', 'start'], { env: { TMUX_ORC_PERF_LOGGING: '1' }, timeoutMs: 30_000 });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Expected ${link} to be a regular file, got a symbolic link (tmux-orc follows no links in its home); remove it: rm ${link}`);
    expect(await readFile(target, 'utf8')).toBe(secret);
    for (const left of ['monitor.lock', 'monitor.pid', 'monitor.sock']) expect(existsSync(join(home.home, left)), left).toBe(false);
  });
});

describe('a home or log directory others can write', { timeout: 60_000 }, () => {
  it.each([
    ['the home writable by everyone', 'home', 0o777, 'writable only by you, got mode 0777 (writable by everyone); fix: chmod 700'],
    ['the home writable by its group', 'home', 0o770, 'writable only by you, got mode 0770 (writable by its group); fix: chmod 700'],
    ['logs/ writable by everyone', 'logs', 0o1777, 'writable only by you, got mode 1777 (writable by everyone); fix: chmod 700'],
  ] as const)('%s: start and run refuse, naming it and the fix; nothing started', async (_name, which, mode, message) => {
    const home = await useCliHome();
    const dir = which === 'home' ? home.home : join(home.home, 'logs');
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await chmod(dir, mode);
    for (const command of ['start', 'run']) {
      const run = await home.run(['-L', 'tmux-orc-test-unused', 'monitor', command], { timeoutMs: 20_000 });
      expect(run.code, command).toBe(1);
      expect(run.stderr, command).toContain(`${message} ${dir}`);
      for (const left of ['monitor.lock', 'monitor.pid', 'monitor.sock']) expect(existsSync(join(home.home, left)), left).toBe(false);
    }
  });

  it('a home owned by another user (needs root): refused, naming the owner and the fix', async (ctx) => {
    if (process.getuid?.() !== 0) return ctx.skip('chown to another user needs root');
    const home = await useCliHome();
    await mkdir(home.home, { mode: 0o700 });
    await chown(home.home, 65534, 65534);
    const run = await home.run(['-L', 'tmux-orc-test-unused', 'monitor', 'run'], { timeoutMs: 20_000 });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Expected the tmux-orc home ${home.home} to be owned by you (uid 0), got uid 65534; fix: chown 0 ${home.home} && chmod 700 ${home.home}`);
    expect(existsSync(join(home.home, 'monitor.lock'))).toBe(false);
  });
});
