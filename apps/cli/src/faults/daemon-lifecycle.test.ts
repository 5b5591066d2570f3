import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simAgentCommand, simAgentProcessName, simAgentScreensDir, useTmuxSandbox } from '@tmux-orc/testkit';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { buildCliIfStale } from '../__fixtures__/cli-harness.js';
import { daemonStatus, faultConfig, isAlive, startFaultDaemon, useCliHome, waitForCycle, waitUntil } from './__fixtures__/fault-daemon.js';

const screensDir = join(simAgentScreensDir, 'claude-code');

beforeAll(() => buildCliIfStale(), 300_000);

function nothingStarted(home: string): void {
  for (const file of ['monitor.lock', 'monitor.pid', 'monitor.sock']) expect(existsSync(join(home, file)), file).toBe(false);
}

async function reportLines(file: string): Promise<string[]> {
  return (await readFile(file, 'utf8').catch(() => '')).split('\n').filter((l) => l.startsWith('[tmux-orc]'));
}

describe('the daemon process', () => {
  it('three `monitor start` at once leave one daemon', async () => {
    const sandbox = await useTmuxSandbox();
    const home = await useCliHome();
    const runs = await Promise.all([1, 2, 3].map(() => home.run(['-L', sandbox.socketName, 'monitor', 'start', '--json'])));
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    const outs = runs.map((r) => JSON.parse(r.stdout) as { started: boolean; pid: number });
    expect(outs.filter((o) => o.started)).toHaveLength(1);
    expect(new Set(outs.map((o) => o.pid)).size).toBe(1);
    expect((await readFile(join(home.home, 'monitor.pid'), 'utf8')).trim()).toBe(String(outs[0]?.pid));
  });

  it('SIGKILLed and started again: replaces the stale pid and socket, and sends nothing still in cooldown', async () => {
    const sandbox = await useTmuxSandbox();
    const home = await useCliHome();
    const pmFile = join(home.dir, 'pm.log');
    // An idle agent CLI (not a shell: reports are never typed into one) that records what it is sent.
    await sandbox.newSession('team', { window: 'pm', command: simAgentCommand({ screensDir, screen: 'idle-replied', record: pmFile, processName: simAgentProcessName }) });
    for (const [window, screen] of [['Claude-dev', 'idle-replied'], ['Claude-qa', 'waiting_input-bash-approval']] as const) {
      const { paneId } = await sandbox.newWindow('team', window, { command: simAgentCommand({ screensDir, screen }) });
      await sandbox.tmux('set-option', '-p', '-t', paneId, '@tmux-orc-agent', 'claude-code');
    }
    const first = await startFaultDaemon(home, sandbox.socketName, faultConfig({ pm: true }));
    const sent = await waitUntil(async () => {
      const lines = await reportLines(pmFile);
      return lines.some((l) => l.includes('dev (team:1) idle')) && lines.some((l) => l.includes('qa (team:2) waiting_input')) ? lines : undefined;
    }, 'reports about dev (idle) and qa (waiting_input)');
    // One more cycle, so state.json holds what was sent.
    const seen = await daemonStatus(home);
    await waitForCycle(home, (seen?.detailed?.base_status.cycle_count ?? 0) + 1);
    process.kill(first, 'SIGKILL');
    await waitUntil(() => (isAlive(first) ? undefined : true), 'the daemon gone');
    expect(existsSync(join(home.home, 'monitor.sock'))).toBe(true); // stale, left by the killed daemon

    const second = await startFaultDaemon(home, sandbox.socketName, faultConfig({ pm: true }));
    expect(second).not.toBe(first);
    expect((await readFile(join(home.home, 'monitor.pid'), 'utf8')).trim()).toBe(String(second));
    // The new daemon sees both agents in the same states again (debounce passed) and a few cycles go by.
    const again = await waitUntil(async () => {
      const status = await daemonStatus(home);
      const states = Object.fromEntries(status?.agents.map((a) => [a.window, a.state]) ?? []);
      return states['Claude-dev'] === 'idle' && states['Claude-qa'] === 'waiting_input' ? status : undefined;
    }, 'the agents idle and waiting again');
    await waitForCycle(home, (again.detailed?.base_status.cycle_count ?? 0) + 4);
    // Cooldowns (idle 300 s, waiting_input 120 s) outlived the killed daemon: not one line more.
    expect(await reportLines(pmFile)).toEqual(sent);
  }, 60_000);
});

describe('a tmux-orc home that cannot be written', () => {
  it('a regular file as $TMUX_ORC_HOME: exit 2 naming config.yaml, nothing started', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tmux-orc-rohome-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'home');
    await writeFile(file, 'not a directory\n');
    const home = await useCliHome();
    for (const command of ['start', 'run']) {
      const run = await home.run(['-L', 'tmux-orc-test-unused', 'monitor', command], { env: { TMUX_ORC_HOME: file }, timeoutMs: 20_000 });
      expect(run.code, command).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`${file}/config\\.yaml: cannot read the file: ENOTDIR`));
    }
  });

  it('a regular file where the log directory goes: exit 1 saying so, no lock, pid or socket left (no crash loop)', async () => {
    const home = await useCliHome();
    await mkdir(home.home, { recursive: true });
    await writeFile(join(home.home, 'logs'), '');
    for (const command of ['start', 'run']) {
      const run = await home.run(['-L', 'tmux-orc-test-unused', 'monitor', command], { timeoutMs: 20_000 });
      expect(run.code, command).toBe(1);
      expect(run.stderr).toBe(`tmux-orc: Expected the log directory ${join(home.home, 'logs')} to be a writable directory, got ${join(home.home, 'logs')} is not a directory\n`);
      nothingStarted(home.home);
    }
  });

  it('a read-only file system (a read-only tmpfs; needs root): exit 1 naming EROFS, nothing started', async (ctx) => {
    const dir = await mkdtemp(join(tmpdir(), 'tmux-orc-rofs-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', dir], { stdio: 'pipe' });
    } catch (error) {
      ctx.skip(`cannot mount a read-only tmpfs here: ${String(error)}`);
      return;
    }
    onTestFinished(() => void execFileSync('umount', [dir], { stdio: 'pipe' }));
    const home = await useCliHome();
    for (const [command, target] of [['start', dir], ['run', dir], ['start', join(dir, 'home')]] as const) {
      const run = await home.run(['-L', 'tmux-orc-test-unused', 'monitor', command], { env: { TMUX_ORC_HOME: target }, timeoutMs: 20_000 });
      expect(run.code, `${command} ${target}`).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`Expected the (log directory|tmux-orc home) ${target}.* to be a writable directory, got ${dir} not writable \\(EROFS\\)`));
      nothingStarted(target);
    }
  });
});

