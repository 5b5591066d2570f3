import { useTmuxSandbox } from '@tmux-orc/testkit';
import { describe, expect, it } from 'vitest';
import { ExecConnection } from './exec-connection.js';
import { listPanes } from './list-panes.js';
import { createTmuxConnectionPool } from './pool.js';

describe('listPanes on a real tmux server', () => {
  it('reads every field, also for names holding newlines, separators, quotes and format text', async () => {
    const sandbox = await useTmuxSandbox();
    // new-window -n stores a name as given (rename-window would expand formats and escape control
    // bytes), so this name really holds a newline and the unit separator.
    const weird = 'Claude-dev "x";\n$(id)\u001f%1 end';
    const agent = await sandbox.newWindow(sandbox.defaultSession, weird, { command: 'exec sleep 600' });
    const stored = (await sandbox.tmux('display-message', '-p', '-t', agent.paneId, '#{window_name}')).replace(/\n$/, '');
    expect(stored).toBe(weird);
    await sandbox.tmux('set-option', '-p', '-t', agent.paneId, '@tmux-orc-agent', 'claude-code');
    const dead = await sandbox.newWindow(sandbox.defaultSession, 'dies', { command: 'exit 3', remainOnExit: true });
    await sandbox.waitForScreen(dead.paneId, () => true);
    const pool = createTmuxConnectionPool({ server: sandbox.server });
    try {
      for (const runner of [pool, new ExecConnection(sandbox.server)]) {
        const panes = await listPanes(runner);
        const found = panes.find((pane) => pane.id === agent.paneId);
        expect(found).toMatchObject({
          windowName: weird,
          session: sandbox.defaultSession,
          currentCommand: 'sleep',
          dead: false,
          agentOption: 'claude-code',
        });
        expect(found?.target).toBe(`${sandbox.defaultSession}:${found?.windowIndex}.0`);
        expect(found?.windowActivity).toBeGreaterThan(1_600_000_000);
        expect(found?.pid).toBeGreaterThan(0);
        await expect.poll(async () => (await listPanes(runner)).find((pane) => pane.id === dead.paneId)).toMatchObject({ dead: true, deadStatus: 3 });
        expect(panes.filter((pane) => pane.id === agent.paneId)).toHaveLength(1);
      }
    } finally {
      await pool.close();
    }
  });
});

describe('listPanes and a dead pane whose exit status tmux has not collected', () => {
  it('makes the server reap its children (run-shell true) and lists again', async () => {
    const sent: string[][] = [];
    let reaped = false;
    const runner = {
      async run(args: readonly string[]): Promise<string[]> {
        sent.push([...args]);
        if (args[0] === 'run-shell') {
          reaped = true;
          return [];
        }
        const format = args[3] ?? '';
        const [separator = '', end = ''] = [/\}(\u001f[0-9a-f]+\u001f)#\{/.exec(format)?.[1], /(\u001e[0-9a-f]+\u001e)$/.exec(format)?.[1]];
        const values = ['%7', 's', '1', '0', '1', reaped ? '3' : '', '42', '1700000000', '', 'w', 't', 'sh'];
        return [values.join(separator) + end];
      },
    };
    const [pane] = await listPanes(runner);
    expect(pane).toMatchObject({ id: '%7', dead: true, deadStatus: 3 });
    expect(sent.map((args) => args[0])).toEqual(['list-panes', 'run-shell', 'list-panes']);
  });
});
