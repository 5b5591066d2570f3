import { useTmuxSandbox } from '@tmux-orc/testkit';
import { expect, it, onTestFinished } from 'vitest';
import { CaptureReplay, type OrderedRunner } from './capture-replay.js';
import { createTmuxConnectionPool } from './pool.js';

it('sends the previous cycle captures right behind the listing and hands them to this cycle, as new as the listing', async () => {
  const sandbox = await useTmuxSandbox();
  const { paneId } = await sandbox.newSession('work', { command: 'cat' });
  const pool = createTmuxConnectionPool({ server: sandbox.server, healthCheckIntervalMs: 0 });
  onTestFinished(() => pool.close());
  const sent: string[] = [];
  const counted: OrderedRunner = {
    run: (args, options) => (sent.push(`run ${args[0] ?? ''}`), pool.run(args, options)),
    runInOrder: (commands, options) => (sent.push(`ordered ${commands.map((c) => c[0]).join(',')}`), pool.runInOrder(commands, options)),
  };
  const replay = new CaptureReplay(counted);
  const capture = ['capture-pane', '-p', '-J', '-t', paneId];

  await replay.run(['list-panes', '-a', '-F', '#{pane_id}']);
  expect((await replay.run(capture)).join('\n')).not.toContain('first');
  await sandbox.sendLine(paneId, 'first');
  await sandbox.waitForScreen(paneId, /first\nfirst/);
  expect(await replay.run(['list-panes', '-a', '-F', '#{pane_id}'])).toContain(paneId);
  // Answered from the capture sent with the listing: it already shows what was printed before it.
  expect((await replay.run(capture)).join('\n')).toContain('first');
  // A capture asked twice in a cycle goes out again; another command is never replayed.
  await replay.run(capture);
  await replay.run(['display-message', '-p', 'x']);
  expect(sent).toEqual(['ordered list-panes', 'run capture-pane', 'ordered list-panes,capture-pane', 'run capture-pane', 'run display-message']);
});

it('keeps the order on one control connection, so a capture after a change sees the change', async () => {
  const sandbox = await useTmuxSandbox();
  const pool = createTmuxConnectionPool({ server: sandbox.server, healthCheckIntervalMs: 0 });
  onTestFinished(() => pool.close());
  const replies = pool.runInOrder([['new-session', '-d', '-s', 'made'], ['has-session', '-t', '=made'], ['display-message', '-p', '-t', '=made:', '#{session_name}']]);
  expect(await Promise.all(replies)).toEqual([[], [], ['made']]);
  expect(pool.metrics().created).toBe(1);
});
