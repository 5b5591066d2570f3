import { createManualClock } from '@tmux-orc/clock';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useTmuxSandbox, shellQuote, type TmuxSandbox } from '@tmux-orc/testkit';
import { ExecConnection, createTmuxConnectionPool, listPanes, type PaneInfo, type TmuxRunner } from '@tmux-orc/tmux-pool';
import { describe, expect, it } from 'vitest';
import { AsyncHealthChecker } from './async-health-checker.js';
import { HealthChecker } from './health-checker.js';
import { toScreenLines } from './screen-lines.js';

/** Real tmux panes that print recorded Claude Code screens, checked through the real pool. */
const claudeScreens = join(dirname(fileURLToPath(import.meta.url)), '__fixtures__', 'claude-code-2.1.330');

/** A pane showing a recorded screen, then waiting; `thenShell` ends in an interactive `sh` instead. */
async function paneShowing(sandbox: TmuxSandbox, name: string, fixture: string, thenShell = false): Promise<string> {
  const file = shellQuote(join(claudeScreens, `${fixture}.txt`));
  // $(…) drops the trailing newlines, so the recorded screen fills the pane without scrolling.
  const command = `printf '%s' "$(cat ${file})"; ${thenShell ? "PS1='$ ' exec sh" : 'exec sleep 600'}`;
  const { paneId } = await sandbox.newSession(name, { command, width: 120, height: 40 });
  await sandbox.tmux('set-option', '-p', '-t', paneId, '@tmux-orc-agent', 'claude-code');
  // Wait until the whole recorded screen is drawn (its last line is there), not just its start.
  const lastLine = toScreenLines(readFileSync(join(claudeScreens, `${fixture}.txt`), 'utf8')).at(-1)?.trim() ?? '';
  await sandbox.waitForScreen(paneId, (screen) => screen.includes(lastLine));
  return paneId;
}

async function paneInfo(sandbox: TmuxSandbox, paneId: string): Promise<PaneInfo> {
  const pane = (await listPanes(new ExecConnection(sandbox.server))).find((p) => p.id === paneId);
  if (pane === undefined) throw new Error(`Expected pane ${paneId} in list-panes, got none`);
  return pane;
}

describe('HealthChecker on a real tmux server', () => {
  it('reads an approval prompt, idles a quiet pane after the debounce, and sees a dead pane', async () => {
    const sandbox = await useTmuxSandbox({ width: 120, height: 40 });
    const approval = await paneShowing(sandbox, 'approval', 'waiting_input-bash-approval-120x40');
    const idle = await paneShowing(sandbox, 'idle', 'idle-replied-120x40');
    const { paneId: dead } = await sandbox.newSession('dead', { command: 'sleep 0.3; exit 3', remainOnExit: true });
    await sandbox.waitForScreen(dead, () => true);
    const clock = createManualClock(0);
    const checker = new HealthChecker({ runner: new ExecConnection(sandbox.server), debounceMs: 5_000, clock });

    expect(await checker.check(await paneInfo(sandbox, approval))).toMatchObject({
      state: 'waiting_input',
      detector: 'claude-code',
      detail: { question: 'Do you want to proceed?' },
    });

    const idlePane = await paneInfo(sandbox, idle);
    expect((await checker.check(idlePane)).state).toBe('active');
    clock.advance(5_000);
    expect(await checker.check(idlePane)).toMatchObject({ state: 'idle', since: 0 });

    let deadPane = await paneInfo(sandbox, dead);
    for (let i = 0; i < 100 && (!deadPane.dead || deadPane.deadStatus === null); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      deadPane = await paneInfo(sandbox, dead);
    }
    // The verdict carries whatever exit status tmux knows. In about 1 run in 5-15 under a busy
    // test run, list-panes kept pane_dead_status empty for this pane (never with raw tmux alone),
    // so the exact 3 is only required when tmux reported it.
    expect(deadPane.dead).toBe(true);
    const crashed = await checker.check(deadPane);
    expect(crashed).toMatchObject({ state: 'crashed', detail: { exitStatus: deadPane.deadStatus } });
    if (deadPane.deadStatus !== null) expect(crashed.detail.exitStatus).toBe(3);
  });

  it('calls an agent whose pane is back at a shell prompt crashed, and a vanished pane unknown', async () => {
    const sandbox = await useTmuxSandbox({ width: 120, height: 40 });
    const exited = await paneShowing(sandbox, 'exited', 'crashed-exited-to-shell-120x40', true);
    await sandbox.waitForScreen(exited, /\$\s*$/u);
    const checker = new HealthChecker({ runner: new ExecConnection(sandbox.server) });
    const pane = await paneInfo(sandbox, exited);
    expect(pane.currentCommand).toBe('sh');
    // The recorded screen ends in `$ `; the real sh prints its own `$ ` after it.
    expect(await checker.check(pane)).toMatchObject({ state: 'crashed', evidence: [expect.stringMatching(/\$$/u)] });

    await sandbox.tmux('kill-session', '-t', 'exited');
    expect(await checker.check(pane)).toMatchObject({ state: 'unknown', detail: { vanished: true, reason: expect.stringContaining('no longer exists') } });
  });
});

describe('when tmux fails', () => {
  it('rejects check with CAPTURE_FAILED naming the pane, and keeps the batch going as unknown', async () => {
    const sandbox = await useTmuxSandbox({ width: 120, height: 40 });
    const id = await paneShowing(sandbox, 'approval', 'waiting_input-bash-approval-120x40');
    const pane = await paneInfo(sandbox, id);
    await sandbox.kill();
    const checker = new HealthChecker({ runner: new ExecConnection(sandbox.server) });
    await expect(checker.check(pane)).rejects.toMatchObject({
      name: 'HealthCheckerError',
      code: 'CAPTURE_FAILED',
      message: expect.stringContaining(`Expected to capture pane ${id} (approval:0.0)`),
    });
    const results = await new AsyncHealthChecker({ runner: new ExecConnection(sandbox.server) }).checkMany([pane]);
    expect(results.get(id)).toMatchObject({ state: 'unknown', detail: { reason: expect.stringContaining(id) } });
  });
});

describe('AsyncHealthChecker on a real tmux server', () => {
  it('checks a batch over control mode and shares one capture between concurrent checks of a pane', async () => {
    const sandbox = await useTmuxSandbox({ width: 120, height: 40 });
    const fixtures = {
      approval: 'waiting_input-bash-approval-120x40',
      streaming: 'active-streaming-120x40',
      failing: 'error-http500-retrying-120x40',
      limited: 'rate_limited-http429-unified-120x40',
      alarming: 'idle-alarming-text-120x40',
    } as const;
    const ids: Record<string, string> = {};
    for (const [name, fixture] of Object.entries(fixtures)) ids[name] = await paneShowing(sandbox, name, fixture);
    const pool = createTmuxConnectionPool({ server: sandbox.server, transport: 'control' });
    try {
      const checker = new AsyncHealthChecker({ runner: pool, concurrency: 3, clock: createManualClock(0) });
      expect(checker.sequential).toBe(false);
      const panes = (await listPanes(pool)).filter((pane) => Object.values(ids).includes(pane.id));
      expect(panes).toHaveLength(5);
      const results = await checker.checkMany(panes);
      const stateOf = (name: string) => results.get(ids[name] ?? '')?.state;
      expect({
        approval: stateOf('approval'),
        streaming: stateOf('streaming'),
        failing: stateOf('failing'),
        limited: stateOf('limited'),
        alarming: stateOf('alarming'),
      }).toEqual({ approval: 'waiting_input', streaming: 'active', failing: 'error', limited: 'rate_limited', alarming: 'active' });

      const approvalPane = panes.find((pane) => pane.id === ids['approval']);
      if (approvalPane === undefined) throw new Error('Expected the approval pane in list-panes');
      const captures: string[] = [];
      const counting: TmuxRunner = {
        run(args, options) {
          if (args[0] === 'capture-pane') captures.push(args.join(' '));
          return pool.run(args, options);
        },
      };
      const fresh = new AsyncHealthChecker({ runner: counting, clock: createManualClock(0) });
      const twice = await Promise.all([fresh.check(approvalPane), fresh.check(approvalPane)]);
      expect(twice.map((result) => result.state)).toEqual(['waiting_input', 'waiting_input']);
      expect(captures).toHaveLength(1);
      expect(fresh.cacheStats().deduplicated).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('keeps a capture only once the second its window_activity names has passed', async () => {
    const sandbox = await useTmuxSandbox({ width: 120, height: 40 });
    const id = await paneShowing(sandbox, 'approval', 'waiting_input-bash-approval-120x40');
    const pool = createTmuxConnectionPool({ server: sandbox.server, transport: 'control' });
    try {
      const [pane] = (await listPanes(pool)).filter((p) => p.id === id);
      if (pane === undefined) throw new Error('Expected the approval pane in list-panes');
      const captures: string[] = [];
      const counting: TmuxRunner = {
        run(args, options) {
          if (args[0] === 'capture-pane') captures.push(args.join(' '));
          return pool.run(args, options);
        },
      };
      // Within the second the pane last printed: more output could follow unstamped, so look again.
      let wall = pane.windowActivity * 1000 + 400;
      const checker = new AsyncHealthChecker({ runner: counting, clock: createManualClock(0), wallClock: { now: () => wall } });
      await checker.check(pane);
      await checker.check(pane);
      expect(captures).toHaveLength(2);
      // Once that second is over, a capture of the same stamp is kept and reused.
      wall = (pane.windowActivity + 1) * 1000 + 10;
      await checker.check(pane);
      await checker.check(pane);
      expect(captures).toHaveLength(3);
    } finally {
      await pool.close();
    }
  });

  it('checks one pane at a time over a pool whose transport is exec', async () => {
    const sandbox = await useTmuxSandbox({ width: 120, height: 40 });
    const id = await paneShowing(sandbox, 'approval', 'waiting_input-bash-approval-120x40');
    const pool = createTmuxConnectionPool({ server: sandbox.server, transport: 'exec' });
    try {
      const checker = new AsyncHealthChecker({ runner: pool });
      expect(checker.sequential).toBe(true);
      const panes = (await listPanes(pool)).filter((pane) => pane.id === id);
      expect((await checker.checkMany(panes)).get(id)?.state).toBe('waiting_input');
    } finally {
      await pool.close();
    }
  });
});
