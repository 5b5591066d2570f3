import { describe, expect, it } from 'vitest';
import { actionContext, recordingRunner, view } from '../__fixtures__/agent-views.js';
import { restartCrashed, unquoteStartCommand } from './restart-crashed.js';

/** A runner whose `display-message` answers with the pane's facts. */
function paneRunner(facts: { dead: boolean; current: string; start: string }) {
  return recordingRunner((args) => (args[0] === 'display-message' ? [[facts.dead ? '1' : '0', facts.current, facts.start].join('\u001f')] : []));
}
const actions = (commands: string[][]) => commands.filter((c) => c[0] !== 'display-message');

describe('restartCrashed', () => {
  it('respawns a dead pane with its recorded start command', async () => {
    const runner = paneRunner({ dead: true, current: 'claude', start: '"claude --resume \\"x\\""' });
    const ctx = actionContext();
    const items = await restartCrashed([view({ id: '%1', name: 'dev', state: 'crashed', detail: { exitStatus: 1 } }, runner)], ctx, 30_000);
    expect(actions(runner.commands)).toEqual([['respawn-pane', '-k', '-t', '%1', 'claude --resume "x"']]);
    expect(items.map((i) => i.text)).toEqual(['dev (s:1) crashed (exit 1), restarted (1/3 this hour)']);
  });

  it('types the configured start command into a pane back at its shell, by detector alias', async () => {
    const runner = paneRunner({ dead: false, current: 'bash', start: '' });
    const ctx = actionContext((c) => ({ ...c, recovery: { ...c.recovery, start_commands: { claude: 'claude --continue' } } }));
    await restartCrashed([view({ id: '%1', name: 'dev', state: 'crashed' }, runner)], ctx, 30_000);
    expect(actions(runner.commands)).toEqual([
      ['send-keys', '-t', '%1', '-l', '--', 'claude --continue'],
      ['send-keys', '-t', '%1', 'Enter'],
    ]);
  });

  it('never touches a pane that runs something other than a shell, and never kills a live pane', async () => {
    const runner = paneRunner({ dead: false, current: 'vim', start: 'claude' });
    const ctx = actionContext();
    expect(await restartCrashed([view({ id: '%1', name: 'dev', state: 'crashed' }, runner)], ctx, 30_000)).toEqual([]);
    expect(actions(runner.commands)).toEqual([]);
  });

  it('bounds attempts per hour, waits out the grace period, and says when it gives up', async () => {
    const runner = paneRunner({ dead: true, current: 'claude', start: 'claude' });
    const ctx = actionContext((c) => ({ ...c, recovery: { ...c.recovery, max_attempts_per_hour: 2 } }));
    const crashed = [view({ id: '%1', name: 'dev', state: 'crashed' }, runner)];
    const texts: string[] = [];
    for (const at of [0, 10_000, 40_000, 80_000, 3_600_001]) {
      ctx.clock.set(at);
      texts.push(...(await restartCrashed(crashed, ctx, 30_000)).map((i) => `${at}: ${i.text}`));
    }
    expect(texts).toEqual([
      '0: dev (s:1) crashed, restarted (1/2 this hour)',
      '40000: dev (s:1) crashed, restarted (2/2 this hour)',
      '80000: dev (s:1) crashed, not restarted: 2 restarts in the last hour (max 2)',
      '3600001: dev (s:1) crashed, restarted (2/2 this hour)',
    ]);
  });

  it('reports without restarting when restart_crashed is off or no start command is known', async () => {
    const ctx = actionContext((c) => ({ ...c, recovery: { ...c.recovery, restart_crashed: false } }));
    const runner = paneRunner({ dead: true, current: 'x', start: '' });
    expect((await restartCrashed([view({ id: '%1', name: 'a', state: 'crashed' }, runner)], ctx, 0)).map((i) => i.text)).toEqual(['a (s:1) crashed']);
    const none = actionContext((c) => ({ ...c, recovery: { ...c.recovery, start_commands: {} } }));
    const texts = (await restartCrashed([view({ id: '%1', name: 'a', state: 'crashed', detector: 'shell' }, runner)], none, 0)).map((i) => i.text);
    expect(texts).toEqual(['a (s:1) crashed, not restarted: no start command recorded or configured for shell']);
    expect(actions(runner.commands)).toEqual([]);
  });
});

describe('unquoteStartCommand', () => {
  it('undoes tmux quoting of a one-string command', () => {
    expect(unquoteStartCommand(String.raw`"sleep 100; echo 'a b' \"c\" \$HOME"`)).toBe(`sleep 100; echo 'a b' "c" $HOME`);
    expect(unquoteStartCommand('claude')).toBe('claude');
  });
});
