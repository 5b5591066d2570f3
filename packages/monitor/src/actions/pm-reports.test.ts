import { describe, expect, it } from 'vitest';
import { actionContext, recordingRunner, view } from '../__fixtures__/agent-views.js';
import { createPmReporter } from './pm-reports.js';

const typed = (commands: string[][]) => commands.filter((c) => c.includes('-l')).map((c) => `${c[2]} ${c.at(-1)}`);

describe('createPmReporter', () => {
  it('sends one line per session to that session only, never about the PM itself, and holds it while the PM is active', async () => {
    const runner = recordingRunner();
    const ctx = actionContext();
    const reporter = createPmReporter();
    let agents = [
      view({ id: '%0', name: 'pm', role: 'pm', window: 0, state: 'active' }, runner),
      view({ id: '%1', name: 'dev', window: 1, state: 'idle', since: -120_000, from: 'active' }, runner),
      view({ id: '%2', name: 'qa', window: 2, state: 'waiting_input', detail: { question: 'Do you want\nto proceed?' }, from: 'active' }, runner),
      view({ id: '%3', name: 'ops', window: 3, state: 'active', from: 'idle' }, runner),
      view({ id: '%9', name: 'PM', role: 'pm', session: 'b', window: 0, state: 'idle' }, runner),
    ];
    reporter.collect(agents, [], ctx);
    expect((await reporter.flush(agents, ctx)).sent).toEqual([]);
    expect(runner.commands).toEqual([]);

    ctx.clock.set(60_000);
    agents = agents.map((a) => (a.agentId === '%0' ? view({ id: '%0', name: 'pm', role: 'pm', window: 0, state: 'idle' }, runner) : a));
    reporter.collect(agents, [], ctx);
    const { sent } = await reporter.flush(agents, ctx);
    expect(typed(runner.commands)).toEqual(['%0 [tmux-orc] dev (s:1) idle 3m; qa (s:2) waiting_input: "Do you want to proceed?"']);
    expect(sent.map((r) => r.session)).toEqual(['s']);
    expect(runner.commands.at(-1)).toEqual(['send-keys', '-t', '%0', 'Enter']);
  });

  it('respects cooldowns per agent and state, and drops a line that is no longer true', async () => {
    const runner = recordingRunner();
    const ctx = actionContext((c) => ({ ...c, notifications: { ...c.notifications, cooldowns: { ...c.notifications.cooldowns, idle: 300 } } }));
    const reporter = createPmReporter();
    const pm = view({ id: '%0', name: 'pm', role: 'pm', window: 0, state: 'idle' }, runner);
    const idle = view({ id: '%1', name: 'dev', state: 'idle', from: 'active' }, runner);
    reporter.collect([pm, idle], [], ctx);
    await reporter.flush([pm, idle], ctx);
    ctx.clock.set(299_000);
    reporter.collect([pm, idle], [], ctx);
    await reporter.flush([pm, idle], ctx);
    ctx.clock.set(300_000);
    reporter.collect([pm, idle], [], ctx);
    const busyPm = view({ id: '%0', name: 'pm', role: 'pm', window: 0, state: 'active' }, runner);
    await reporter.flush([busyPm, idle], ctx);
    const working = view({ id: '%1', name: 'dev', state: 'active', from: 'idle' }, runner);
    await reporter.flush([pm, working], ctx);
    expect(typed(runner.commands)).toEqual(['%0 [tmux-orc] dev (s:1) idle 0s']);
  });

  it('does not report a paused agent, keeps lines without a PM, and sends nothing when pm_enabled is false', async () => {
    const runner = recordingRunner();
    const ctx = actionContext();
    ctx.state.pausedUntil['%1'] = 10_000;
    const reporter = createPmReporter();
    const agents = [view({ id: '%1', name: 'rl', state: 'rate_limited', from: 'active' }, runner), view({ id: '%2', name: 'dev', state: 'idle', from: 'active' }, runner)];
    reporter.collect(agents, [], ctx);
    await reporter.flush(agents, ctx);
    expect([...reporter.pending().values()].flat().map((i) => i.agentId)).toEqual(['%2']);

    const off = actionContext((c) => ({ ...c, notifications: { ...c.notifications, pm_enabled: false } }));
    const silent = createPmReporter();
    silent.collect(agents, [], off);
    expect(silent.pending().size).toBe(0);
  });

  it('keeps a restart line when the restarted agent shows its next state in the same report', async () => {
    const runner = recordingRunner();
    const ctx = actionContext();
    const reporter = createPmReporter();
    const busyPm = view({ id: '%0', name: 'pm', role: 'pm', window: 0, state: 'active' }, runner);
    const crashed = view({ id: '%1', name: 'dev', state: 'crashed', from: 'idle' }, runner);
    reporter.collect([busyPm, crashed], [{ agentId: '%1', stateKey: '%1', session: 's', kind: 'crashed', text: 'dev (s:1) crashed, restarted (1/3 this hour)', event: true }], ctx);
    await reporter.flush([busyPm, crashed], ctx);
    const pm = view({ id: '%0', name: 'pm', role: 'pm', window: 0, state: 'idle' }, runner);
    const fresh = view({ id: '%1', name: 'dev', state: 'fresh', from: 'crashed' }, runner);
    reporter.collect([pm, fresh], [], ctx);
    await reporter.flush([pm, fresh], ctx);
    expect(typed(runner.commands)).toEqual(['%0 [tmux-orc] dev (s:1) crashed, restarted (1/3 this hour); dev (s:1) fresh']);
  });

  it('never tells a PM about its own restart', async () => {
    const runner = recordingRunner();
    const ctx = actionContext();
    const reporter = createPmReporter();
    const pm = view({ id: '%0', name: 'pm', role: 'pm', window: 0, state: 'idle' }, runner);
    reporter.collect([pm], [{ agentId: '%0', stateKey: '%0', session: 's', kind: 'crashed', text: 'pm (s:0) crashed, restarted (1/3 this hour)', event: true }], ctx);
    expect((await reporter.flush([pm], ctx)).sent).toEqual([]);
    expect(runner.commands).toEqual([]);
  });

  it('never types into a PM pane whose foreground process is a shell: the report is held, logged once and listed', async () => {
    let foreground = 'bash';
    const runner = recordingRunner((args) => (args.includes('#{pane_current_command}') ? [foreground] : []));
    const ctx = actionContext();
    const reporter = createPmReporter();
    const pm = view({ id: '%0', name: 'pm', role: 'pm', window: 0, state: 'idle' }, runner);
    const crashedName = view({ id: '%1', name: 'x;touch /tmp/pwn ##', state: 'idle', from: 'active' }, runner);
    reporter.collect([pm, crashedName], [], ctx);
    const first = await reporter.flush([pm, crashedName], ctx);
    const again = await reporter.flush([pm, crashedName], ctx);
    expect(typed(runner.commands)).toEqual([]);
    expect(first.held).toMatchObject([{ session: 's', pmPaneId: '%0', reason: "the PM pane's foreground process is a shell (bash)" }]);
    expect(again.held).toEqual([]);
    expect(reporter.held()).toHaveLength(1);
    expect(ctx.logger.lines.filter((line) => line.startsWith('warn report held'))).toHaveLength(1);

    foreground = 'claude';
    const sent = await reporter.flush([pm, crashedName], ctx);
    expect(sent.sent).toHaveLength(1);
    expect(reporter.held()).toEqual([]);
    expect(typed(runner.commands)).toEqual(['%0 [tmux-orc] x,touch /tmp/pwn __ (s:1) idle 0s']);
  });

  it('holds a report for a PM pane no agent detector recognises, without asking tmux', async () => {
    const runner = recordingRunner();
    const ctx = actionContext();
    const reporter = createPmReporter();
    const pm = view({ id: '%0', name: 'pm', role: 'pm', window: 0, state: 'idle', detector: 'shell' }, runner);
    const dev = view({ id: '%1', name: 'dev', state: 'idle', from: 'active' }, runner);
    reporter.collect([pm, dev], [], ctx);
    expect((await reporter.flush([pm, dev], ctx)).held[0]?.reason).toBe('the PM pane shows no agent CLI (detector shell)');
    expect(runner.commands).toEqual([]);
  });

  it('says why an idle agent may change by itself: background shells still running', async () => {
    const runner = recordingRunner();
    const ctx = actionContext();
    const reporter = createPmReporter();
    const agents = [
      view({ id: '%0', name: 'pm', role: 'pm', window: 0, state: 'idle' }, runner),
      view({ id: '%1', name: 'dev', state: 'idle', since: -60_000, from: 'active', detail: { background: '1 shell still running' } }, runner),
    ];
    reporter.collect(agents, [], ctx);
    await reporter.flush(agents, ctx);
    expect(typed(runner.commands)).toEqual(['%0 [tmux-orc] dev (s:1) idle 1m (1 shell still running)']);
  });
});

