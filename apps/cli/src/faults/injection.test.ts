import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simAgentCommand, simAgentProcessName, simAgentScreensDir, useTmuxSandbox } from '@tmux-orc/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCliIfStale } from '../__fixtures__/cli-harness.js';
import { daemonStatus, faultConfig, startFaultDaemon, useCliHome, waitForCycle, waitUntil } from './__fixtures__/fault-daemon.js';

const idleAgent = simAgentCommand({ screensDir: join(simAgentScreensDir, 'claude-code'), screen: 'idle-replied' });
const LONG = 'x'.repeat(10 * 1024);

beforeAll(() => buildCliIfStale(), 300_000);

describe('names and messages that try to inject commands', () => {
  it('run nothing but the intended commands, and show in status --json as tmux stores them', async () => {
    const sandbox = await useTmuxSandbox();
    const home = await useCliHome();
    const touch = (n: number): string => `touch ${join(home.dir, `canary-${n}`)}`;
    // tmux expands formats in names given to new-session/rename-window (`##` is a literal `#`),
    // so `##(` stores `#(`: a name that would run a shell if anyone expanded it as a format again.
    const session = `sess;run-shell "${touch(1)}" $(${touch(2)}) '"\``;
    const windows = [
      `Claude-semi;run-shell "${touch(3)}";kill-server`,
      `Claude-dollar$(${touch(4)})\`${touch(5)}\``,
      `Claude-hash##(${touch(6)})`,
      `Claude-format##{pane_id}##{session_name}`,
      `Claude-quotes'"\\'\\"`,
      `Claude-newline\nrun-shell "${touch(7)}"\n%end 0 0 1`,
      `Claude-long${LONG}`,
    ];
    const { paneId: pm } = await sandbox.newSession(session, {
      window: 'pm',
      // An idle agent CLI (not a shell: reports are never typed into one) that records what it is sent.
      command: simAgentCommand({ screensDir: join(simAgentScreensDir, 'claude-code'), screen: 'idle-replied', record: join(home.dir, 'pm.log'), processName: simAgentProcessName }),
    });
    const panes: string[] = [];
    for (const name of windows) panes.push((await sandbox.newWindow(session, name, { command: idleAgent })).paneId);
    // Bytes that are not UTF-8, given to tmux through a shell (Node's strings cannot carry them).
    const { paneId: bad } = await sandbox.newWindow(session, 'Claude-placeholder', { command: idleAgent });
    panes.push(bad);
    await new Promise<void>((resolve, reject) => {
      execFile('sh', ['-c', `tmux -L "$1" rename-window -t "$2" "$(printf 'Claude-bad\\377\\376end')"`, 'sh', sandbox.socketName, bad], (error) => (error === null ? resolve() : reject(error)));
    });
    for (const pane of panes) await sandbox.tmux('set-option', '-p', '-t', pane, '@tmux-orc-agent', 'claude-code');

    await startFaultDaemon(home, sandbox.socketName, faultConfig({ pm: true }));
    // The agents go idle after the debounce and the PM gets one report naming them all.
    const report = await waitUntil(async () => {
      const text = await readFile(join(home.dir, 'pm.log'), 'utf8').catch(() => '');
      return text.includes('[tmux-orc]') ? text : undefined;
    }, 'the PM report naming every agent', 30_000).catch(async (error: unknown) => {
      const pmLog = await readFile(join(home.dir, 'pm.log'), 'utf8').catch(() => '(no pm.log)');
      const log = await readFile(join(home.home, 'logs/async-monitor.log'), 'utf8').catch(() => '(no log)');
      const now = await daemonStatus(home);
      throw new Error(`${String(error)}\npm.log: ${pmLog.slice(0, 3000)}\nagents: ${JSON.stringify(now?.agents.map((a) => [a.window.slice(0, 40), a.role, a.state]))}\nlog: ${log.slice(-3000)}`);
    });
    const status = await daemonStatus(home);
    await waitForCycle(home, (status?.detailed?.base_status.cycle_count ?? 0) + 3);

    // Nothing injected ran: no canary, and the server (`kill-server` was in a name) still runs.
    expect((await readdir(home.dir)).filter((f) => f.startsWith('canary'))).toEqual([]);
    expect(await sandbox.tmux('display-message', '-p', 'alive')).toBe('alive');

    // Names as tmux stores them, read back one pane at a time.
    const final = await daemonStatus(home);
    for (const pane of [pm, ...panes]) {
      const stored = await sandbox.tmux('display-message', '-p', '-t', pane, '#{session_name}\u001f#{window_name}');
      const [storedSession, storedWindow] = stored.replace(/\n$/, '').split('\u001f');
      const agent = final?.agents.find((a) => a.id === pane);
      expect(agent, pane).toBeDefined();
      expect(agent?.session).toBe(storedSession);
      expect(agent?.window).toBe(storedWindow);
    }
    const storedWindows = final?.agents.map((a) => a.window) ?? [];
    expect(storedWindows).toContain('Claude-hash#(' + touch(6) + ')');
    expect(storedWindows).toContain('Claude-format#{pane_id}#{session_name}');
    expect(storedWindows).toContain('Claude-bad\\377\\376end'); // tmux escapes bytes that are not UTF-8 as octal
    expect(final?.agents.find((a) => a.id === panes[5])?.window).toContain('\n%end 0 0 1');

    // The PM got the report exactly as the daemon logged it sent: the names cut to 40 characters
    // with `…`, newlines flattened to one line, and shell syntax neutralised (`;` → `,`, `$ ` + "`" + ` # & | < > \\` → `_`).
    const sent = (await readFile(join(home.home, 'logs/async-monitor.log'), 'utf8'))
      .trim().split('\n').map((l) => JSON.parse(l) as { msg: string; text?: string })
      .filter((l) => l.msg === 'reported to the PM').map((l) => l.text);
    const received = report.split('\n').filter((l) => l !== '');
    expect(received[0]).toBe(sent[0]);
    // Eight idle agents roll up into one line of at most 600 characters naming the first three.
    expect(received[0]).toMatch(/^\[tmux-orc\] 8 agents idle: .* … and 5 more$/);
    expect(received[0]?.length).toBeLessThanOrEqual(600);
    for (const name of ['semi,run-shell "touch', 'dollar_(touch', 'hash_(touch']) expect(received[0]).toContain(name);
    expect(received[0]).not.toMatch(/[;$`#&|<>\\]/);
  }, 90_000);
});
