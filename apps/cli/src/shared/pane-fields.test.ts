import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDefaultConfig, type Config } from '@tmux-orc/config';
import { useTmuxSandbox, type TmuxSandbox } from '@tmux-orc/testkit';
import { ExecConnection } from '@tmux-orc/tmux-pool';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createPaneFieldReader, readPaneField, readServersPaneField } from './pane-fields.js';

function watching(...socketNames: string[]): Config {
  return { ...createDefaultConfig('/nonexistent-home'), servers: socketNames.map((socket_name) => ({ socket_name })) };
}

function tempDir(name: string): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), name)));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Pids of tmux processes for `sandbox`'s socket other than its server: clients we may have left behind. */
function tmuxClients(sandbox: TmuxSandbox): number[] {
  let out = '';
  try {
    out = execFileSync('pgrep', ['-f', `tmux -L ${sandbox.socketName}`], { encoding: 'utf8' });
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
  return out.split('\n').filter(Boolean).map(Number).filter((pid) => pid !== sandbox.serverPid && pid !== process.pid);
}

describe('readPaneField on a real tmux server', () => {
  it('reads one format of every pane by pane id, a tab and a newline in a path included', async () => {
    const sandbox = await useTmuxSandbox();
    const plain = tempDir('pane-fields-');
    const odd = tempDir('pane\tfields\n-');
    const first = await sandbox.newSession('one', { cwd: plain });
    const second = await sandbox.newWindow('one', 'two', { cwd: odd });
    const cwds = await readPaneField(new ExecConnection(sandbox.server), '#{pane_current_path}');
    expect(cwds.get(first.paneId)).toBe(plain);
    expect(cwds.get(second.paneId)).toBe(odd);
  });

  it('leaves out a pane that closed and keeps the others', async () => {
    const sandbox = await useTmuxSandbox();
    const kept = await sandbox.newSession('one');
    const closed = await sandbox.newWindow('one', 'gone');
    await sandbox.tmux('kill-pane', '-t', closed.paneId);
    const fields = await readPaneField(new ExecConnection(sandbox.server), '#{window_name}');
    expect(fields.has(closed.paneId)).toBe(false);
    expect(fields.has(kept.paneId)).toBe(true);
  });
});

describe('readServersPaneField', () => {
  it('keys panes like agent ids: prefixed with the server when several are watched', async () => {
    const a = await useTmuxSandbox();
    const b = await useTmuxSandbox();
    const paneA = (await a.newSession('s')).paneId;
    const paneB = (await b.newSession('s')).paneId;
    const read = await readServersPaneField(watching(a.socketName, b.socketName), '#{session_name}');
    expect(read.unreachable).toEqual([]);
    expect(read.values.get(`-L ${a.socketName}/${paneA}`)).toBe('s');
    expect(read.values.get(`-L ${b.socketName}/${paneB}`)).toBe('s');
    const one = await readServersPaneField(watching(a.socketName), '#{session_name}');
    expect([...one.values.keys()]).toContain(paneA);
  });

  it('reports a server that is not running and still reads the others', async () => {
    const live = await useTmuxSandbox();
    const gone = await useTmuxSandbox();
    const pane = (await live.newSession('s')).paneId;
    await gone.kill();
    const read = await readServersPaneField(watching(live.socketName, gone.socketName), '#{pane_id}');
    expect(read.values.get(`-L ${live.socketName}/${pane}`)).toBe(pane);
    expect(read.unreachable).toEqual([{ server: `-L ${gone.socketName}`, error: expect.stringMatching(/is not running/) }]);
  });

  it('returns from a stopped (SIGSTOP) server with its timeout, leaving no tmux process behind', async () => {
    const sandbox = await useTmuxSandbox();
    await sandbox.newSession('s');
    process.kill(sandbox.serverPid, 'SIGSTOP');
    // Should the read hang anyway, wake the server well before the test's timeout so it fails, not sticks.
    const wake = setTimeout(() => process.kill(sandbox.serverPid, 'SIGCONT'), 20_000);
    try {
      const reads = await Promise.all(Array.from({ length: 5 }, () => readServersPaneField(watching(sandbox.socketName), '#{pane_current_path}', { timeoutMs: 500 })));
      for (const read of reads) {
        expect(read.values.size).toBe(0);
        expect(read.unreachable).toEqual([{ server: `-L ${sandbox.socketName}`, error: expect.stringMatching(/no answer within \d+ ms/) }]);
      }
      expect(tmuxClients(sandbox)).toEqual([]);
    } finally {
      clearTimeout(wake);
      process.kill(sandbox.serverPid, 'SIGCONT');
    }
  });
});

describe('createPaneFieldReader', () => {
  it('shares one list-panes among calls made while it is in flight, and reads afresh after', async () => {
    const sandbox = await useTmuxSandbox();
    const pane = (await sandbox.newSession('s')).paneId;
    let commands = 0;
    const openRunner = () => ({
      run: (args: readonly string[]) => {
        commands += 1;
        return new ExecConnection(sandbox.server).run(args);
      },
      close: async () => {},
    });
    const read = createPaneFieldReader(watching(sandbox.socketName), '#{pane_id}', { openRunner });
    const burst = await Promise.all([read(), read(), read()]);
    expect(commands).toBe(1);
    for (const answer of burst) expect(answer.values.get(pane)).toBe(pane);
    await read();
    expect(commands).toBe(2);
  });
});
