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
    expect(await reporter.flush(agents, ctx)).toEqual([]);
    expect(runner.commands).toEqual([]);

    ctx.clock.set(60_000);
    agents = agents.map((a) => (a.agentId === '%0' ? view({ id: '%0', name: 'pm', role: 'pm', window: 0, state: 'idle' }, runner) : a));
    reporter.collect(agents, [], ctx);
    const sent = await reporter.flush(agents, ctx);
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
    reporter.collect([busyPm, crashed], [{ agentId: '%1', session: 's', kind: 'crashed', text: 'dev (s:1) crashed, restarted (1/3 this hour)', event: true }], ctx);
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
    reporter.collect([pm], [{ agentId: '%0', session: 's', kind: 'crashed', text: 'pm (s:0) crashed, restarted (1/3 this hour)', event: true }], ctx);
    expect(await reporter.flush([pm], ctx)).toEqual([]);
    expect(runner.commands).toEqual([]);
  });
});
