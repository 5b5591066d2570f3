import { describe, expect, it } from 'vitest';
import { actionContext, recordingRunner, view } from '../__fixtures__/agent-views.js';
import { createAlerts } from './alerts.js';

const runner = recordingRunner();
const withEscalation = actionContext((c) => ({ ...c, notifications: { ...c.notifications, escalation: { missing_agent: [0, 600], team_idle: [60, 600] } } }));

describe('alerts', () => {
  it('alerts a missing agent at each escalation threshold, and stops when it is back', () => {
    const ctx = { ...withEscalation, state: { ...withEscalation.state, alerts: {} } };
    const alerts = createAlerts();
    const gone = view({ id: '%1', name: 'dev', state: 'idle' }, runner);
    const texts = (at: number, goneNow: boolean) => {
      ctx.clock.set(at);
      return alerts.evaluate([], goneNow ? [{ agentId: '%1', stateKey: '%1', pane: gone.pane, graceUntil: null }] : [], ctx).map((i) => i.text);
    };
    expect(texts(0, true)).toEqual(['dev (s:1) missing 0s']);
    expect(texts(300_000, false)).toEqual([]);
    expect(texts(600_000, false)).toEqual(['dev (s:1) missing 10m']);
    expect(texts(1_200_000, false)).toEqual([]);
  });

  it('alerts a whole idle team per threshold, not again after a monitor restart, again after a real change', () => {
    const ctx = withEscalation;
    const team = (state: 'idle' | 'active', from?: 'idle') => [
      view({ id: '%1', name: 'a', state: 'idle', since: 0 }, runner),
      view({ id: '%2', name: 'b', state, since: 0, ...(from === undefined ? {} : { from }) }, runner),
      view({ id: '%0', name: 'pm', role: 'pm', window: 0, state: 'active' }, runner),
    ];
    let alerts = createAlerts();
    ctx.clock.set(30_000);
    expect(alerts.evaluate(team('idle'), [], ctx)).toEqual([]);
    ctx.clock.set(61_000);
    expect(alerts.evaluate(team('idle'), [], ctx).map((i) => i.text)).toEqual(['team s: all 2 agents idle 1m']);
    // A restarted monitor first sees agents as active, then idle again: same episode.
    alerts = createAlerts();
    ctx.clock.set(70_000);
    expect(alerts.evaluate(team('active'), [], ctx)).toEqual([]);
    ctx.clock.set(80_000);
    expect(alerts.evaluate(team('idle'), [], ctx)).toEqual([]);
    ctx.clock.set(90_000);
    alerts.evaluate(team('active', 'idle'), [], ctx);
    ctx.clock.set(200_000);
    expect(alerts.evaluate(team('idle'), [], ctx).map((i) => i.text)).toEqual(['team s: all 2 agents idle 3m']);
  });
});
