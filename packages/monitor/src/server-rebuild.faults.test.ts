import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDefaultConfig, type Config } from '@tmux-orc/config';
import { simAgentCommand, simAgentProcessName, useTmuxSandbox } from '@tmux-orc/testkit';
import { execa } from 'execa';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createMonitor } from './create-monitor.js';

const fixtures = fileURLToPath(new URL('../../health-checker/src/__fixtures__/claude-code-2.1.330/', import.meta.url));
const agent = (screen: string): string => simAgentCommand({ screensDir: fixtures, screen });

describe('a tmux server restarted and rebuilt in another order', () => {
  it('keeps each agent its own cooldowns (not those of the pane id it now has) and calls nobody missing while it is rebuilt', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tmux-orc-rebuild-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const pmFile = join(dir, 'pm.log');
    const pm = simAgentCommand({ screensDir: fixtures, screen: 'idle-replied-120x40', record: pmFile, processName: simAgentProcessName });
    const sandbox = await useTmuxSandbox({ width: 120, height: 40 });
    await sandbox.newSession('team', { window: 'pm', command: pm });
    const a = await sandbox.newWindow('team', 'Claude-a', { command: agent('idle-replied-120x40') });
    const b = await sandbox.newWindow('team', 'Claude-b', { command: agent('waiting_input-bash-approval-120x40') });

    const base = createDefaultConfig(dir);
    const config: Config = {
      ...base,
      monitoring: { ...base.monitoring, check_interval: 1, debounce: 5 },
      notifications: {
        ...base.notifications,
        cooldowns: { ...base.notifications.cooldowns, idle: 300, waiting_input: 300 },
        escalation: { missing_agent: [0], team_idle: [] },
      },
      servers: [{ socket_name: sandbox.socketName }],
    };
    let now = Date.UTC(2026, 10, 30, 9, 0, 0);
    const t0 = now;
    const monitor = createMonitor(config, { wallClock: { now: () => now }, monotonicClock: { now: () => now }, statePath: join(dir, 'state.json') });
    onTestFinished(() => monitor.stop());
    const cycleAt = (seconds: number) => {
      now = t0 + seconds * 1000;
      return monitor.runCycle();
    };

    await cycleAt(0);
    expect((await cycleAt(6)).reports.map((r) => r.text)).toEqual(['[tmux-orc] b (team:2) waiting_input: "Do you want to proceed?"; a (team:1) idle 6s']);
    const before = monitor.status().agents.filter((x) => x.role === 'agent').map((x) => [x.name, x.id]);
    expect(before).toEqual([['a', a.paneId], ['b', b.paneId]]);

    await sandbox.kill();
    expect((await cycleAt(12)).status.servers[0]?.up).toBe(false);

    // Rebuilt: the PM, then b first (it gets a's old pane id), a only a few cycles later.
    const tmux = (...args: string[]) => execa('tmux', ['-L', sandbox.socketName, '-f', '/dev/null', ...args]);
    onTestFinished(async () => {
      await tmux('kill-server').catch(() => undefined);
      await rm(sandbox.socketPath, { force: true });
    });
    // A window that is no agent first, so b's pane gets exactly the id a had (the sandbox numbers from a keeper pane).
    expect([a.paneId, b.paneId]).toEqual(['%2', '%3']);
    await tmux('new-session', '-d', '-x', '120', '-y', '40', '-s', 'team', '-n', 'scratch', 'cat');
    await tmux('new-window', '-d', '-t', 'team:5', '-n', 'pm', pm);
    await tmux('new-window', '-d', '-t', 'team:2', '-n', 'Claude-b', agent('waiting_input-bash-approval-120x40'));
    const back = await cycleAt(18);
    expect(back.status.servers[0]?.up).toBe(true);
    const bAgain = back.status.agents.find((x) => x.name === 'b');
    expect(bAgain).toMatchObject({ id: a.paneId, state: 'waiting_input' });
    expect(back.reports).toEqual([]);

    await tmux('new-window', '-d', '-t', 'team:1', '-n', 'Claude-a', agent('idle-replied-120x40'));
    for (const at of [24, 30, 36]) expect((await cycleAt(at)).reports, `cycle at ${at} s`).toEqual([]);
    expect(monitor.status().agents.filter((x) => x.role === 'agent').map((x) => [x.name, x.state])).toEqual([
      ['a', 'idle'],
      ['b', 'waiting_input'],
    ]);
    // One report in all: before the restart. No duplicate, no 'missing' while the server was rebuilt.
    expect((await readFile(pmFile, 'utf8')).trim().split('\n')).toHaveLength(1);
  }, 60_000);
});
