import { createManualClock } from '@tmux-orc/clock';
import { notificationChannelSchema } from '@tmux-orc/config';
import { describe, expect, it } from 'vitest';
import { memoryLogger, recordingRunner, view, type ViewSpec } from '../__fixtures__/agent-views.js';
import type { ShellCommandRunner } from '../actions/run-shell-command.js';
import { createNotifier } from './create-notifier.js';
import { emptyActionState, type ActionState } from '../state-file.js';
import type { NotificationMessage } from './notification-message.js';

/** A notifier with one command channel whose runs are recorded (the command is never started). */
function setup(channel: Record<string, unknown>, clients: string[] = [], state?: ActionState) {
  const clock = createManualClock(0);
  const messages: NotificationMessage[] = [];
  const runCommand: ShellCommandRunner = async (_command, input) => {
    messages.push(JSON.parse(input) as NotificationMessage);
    return { timedOut: false, failed: false, exitCode: 0, stderr: '' };
  };
  const config = notificationChannelSchema.parse({ type: 'command', command: 'true', ...channel });
  const notifier = createNotifier({ channels: [config], logger: memoryLogger(), clock, timers: clock, runCommand });
  const runner = recordingRunner((args) => (args[0] === 'list-clients' ? clients : []));
  const cycle = async (specs: ViewSpec[]): Promise<void> => {
    await notifier.observe(
      specs.map((spec) => ({ ...view(spec, runner), serverLabel: '-L work' })),
      state,
    );
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { clock, messages, notifier, cycle, runner };
}

const waiting = (id: string, name: string, since = 0): ViewSpec => ({ id, name, state: 'waiting_input', from: 'active', since });

describe('notifier', () => {
  it('carries agent, session, window, host, state, since, evidence and a jump command', async () => {
    const { messages, cycle } = setup({ policy: { rollup_window: 0 } });
    await cycle([{ ...waiting('%1', 'dev', 5000), session: 'my proj', window: 2 }]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ version: 1, channel: 'command-1', rollup: false, title: 'tmux-orc: dev waiting for approval' });
    expect(messages[0]?.notifications[0]).toEqual({
      agent: 'dev', agent_id: '%1', role: 'agent', session: 'my proj', window: 'Claude-dev', window_index: 2, pane: '%1', host: 'local',
      state: 'waiting_input', from: 'active', since: '1970-01-01T00:00:05.000Z', evidence: '', jump: "tmux -L work switch-client -t 'my proj:2.0'", escalated: false, noted_at: '1970-01-01T00:00:00.000Z',
    });
  });

  it('rolls up the notifications of one window into one message, listing the agents', async () => {
    const { clock, messages, cycle } = setup({ policy: { rollup_window: 30 } });
    await cycle([waiting('%1', 'a'), waiting('%2', 'b')]);
    clock.advance(10_000);
    await cycle([waiting('%3', 'c'), { id: '%4', name: 'd', state: 'crashed', from: 'active' }]);
    expect(messages).toHaveLength(0);
    clock.advance(20_000);
    await cycle([]);
    expect(messages.map((m) => [m.title, m.text])).toEqual([['tmux-orc: 4 agents need attention', '3 agents waiting for approval: a, b, c\n1 agent crashed: d']]);
  });

  it('does not re-send the same agent and state within the cooldown, and keeps to max_per_agent per window', async () => {
    const { clock, messages, cycle, notifier } = setup({ filter: { states: ['waiting_input', 'error'] }, policy: { rollup_window: 0, cooldown: 600, max_per_agent: 3, max_per_agent_window: 3600, escalate_after: null } });
    // An agent flapping between two states every minute for an hour.
    for (let minute = 0; minute < 60; minute += 1) {
      if (minute > 0) clock.advance(60_000);
      await cycle([{ id: '%1', name: 'dev', state: minute % 2 === 0 ? 'waiting_input' : 'error', from: 'active', since: minute * 60_000 }]);
    }
    expect(messages.map((m) => m.notifications[0]?.state)).toEqual(['waiting_input', 'error', 'waiting_input']);
    // Minutes 2-9 and the waits at 12-18 fall in a cooldown (12); from minute 11 on the budget of 3 is spent (45).
    expect(notifier.stats()[0]?.suppressed).toEqual({ cooldown: 12, budget: 45, quiet: 0 });
  });

  it('escalates an agent still waiting after escalate_after once, marked as such', async () => {
    const { clock, messages, cycle } = setup({ policy: { rollup_window: 0, escalate_after: 300 } });
    await cycle([waiting('%1', 'dev', 0)]);
    for (let t = 60_000; t <= 900_000; t += 60_000) {
      clock.advance(60_000);
      await cycle([{ id: '%1', name: 'dev', state: 'waiting_input', since: 0 }]);
    }
    expect(messages.map((m) => [m.title, m.notifications[0]?.escalated])).toEqual([
      ['tmux-orc: dev waiting for approval', false],
      ['tmux-orc: dev waiting for approval (still, since 1970-01-01T00:00:00.000Z)', true],
    ]);
  });

  it('keeps to its filter: states, roles (role or window word), session globs and hosts', async () => {
    const { messages, cycle } = setup({ filter: { states: ['crashed'], roles: ['qa'], sessions: ['web-*'], hosts: ['local'] }, policy: { rollup_window: 0 } });
    await cycle([
      { id: '%1', name: 'qa', session: 'web-1', state: 'crashed', from: 'active' },
      { id: '%2', name: 'dev', session: 'web-1', state: 'crashed', from: 'active' },
      { id: '%3', name: 'qa', session: 'api', state: 'crashed', from: 'active' },
      { id: '%4', name: 'qa', session: 'web-2', state: 'waiting_input', from: 'active' },
    ]);
    expect(messages.flatMap((m) => m.notifications.map((n) => n.agent_id))).toEqual(['%1']);
  });

  it('stays quiet about an agent whose window a person is looking at, unless configured not to', async () => {
    const looking = ['0\u001f/dev/pts/3\u001fs\u001f1', '1\u001fcontrol\u001fs\u001f2'];
    const quiet = setup({ policy: { rollup_window: 0 } }, looking);
    await quiet.cycle([{ ...waiting('%1', 'seen'), window: 1 }, { ...waiting('%2', 'control-only'), window: 2 }]);
    expect(quiet.messages.flatMap((m) => m.notifications.map((n) => n.agent))).toEqual(['control-only']);
    expect(quiet.notifier.stats()[0]?.suppressed.quiet).toBe(1);
    const loud = setup({ policy: { rollup_window: 0, quiet_when_watched: false } }, looking);
    await loud.cycle([{ ...waiting('%1', 'seen'), window: 1 }]);
    expect(loud.messages).toHaveLength(1);
    expect(loud.runner.commands).toEqual([]);
  });

  it('sends what waits for its roll-up window when the monitor stops', async () => {
    const { messages, cycle, notifier } = setup({ policy: { rollup_window: 600 } });
    await cycle([waiting('%1', 'dev')]);
    expect(messages).toHaveLength(0);
    await notifier.stop();
    expect(messages).toHaveLength(1);
  });

  it('remembers what it sent in state.json: a restarted monitor does not send it again within the cooldown', async () => {
    const state = emptyActionState();
    const first = setup({ policy: { rollup_window: 0 } }, [], state);
    await first.cycle([waiting('%1', 'dev')]);
    expect(first.messages).toHaveLength(1);
    const restarted = setup({ policy: { rollup_window: 0 } }, [], JSON.parse(JSON.stringify(state)) as ActionState);
    await restarted.cycle([waiting('%1', 'dev')]);
    expect(restarted.messages).toHaveLength(0);
    expect(restarted.notifier.stats()[0]?.suppressed.cooldown).toBe(1);
    expect(Object.keys(state.notified)).toEqual(['command-1']);
  });
});
