import type { AgentState, HealthResult } from '@tmux-orc/health-checker';
import type { MonitoredPane } from '@tmux-orc/strategies';
import { describe, expect, it } from 'vitest';
import { createAgentStateTracker, type AgentTransition } from './agent-state-tracker.js';

const pane = { id: '%1', target: 's:1.0', session: 's', windowName: 'Claude-dev', name: 'dev', role: 'agent' } as MonitoredPane;
const result = (state: AgentState, since: number): HealthResult => ({ state, since, detector: 'claude-code', detail: {}, evidence: [`${state} line`] });

describe('createAgentStateTracker', () => {
  it('emits a transition only when the state changes, with from, to, at and evidence', () => {
    const tracker = createAgentStateTracker();
    const seen: AgentTransition[] = [];
    tracker.subscribe((t) => seen.push(t));
    expect(tracker.update('%1', pane, result('active', 1000))?.from).toBeNull();
    expect(tracker.update('%1', pane, result('active', 1000))).toBeUndefined();
    tracker.update('%1', pane, result('idle', 5000));
    expect(seen.map((t) => [t.from, t.to, t.at, t.evidence[0]])).toEqual([
      [null, 'active', 1000, 'active line'],
      ['active', 'idle', 5000, 'idle line'],
    ]);
    expect(tracker.idleForMs('%1', 65_000)).toBe(60_000);
  });

  it('keeps a bounded history per agent, and forgets removed agents', () => {
    const tracker = createAgentStateTracker({ historyLimit: 2 });
    const states: AgentState[] = ['active', 'idle', 'waiting_input', 'crashed'];
    states.forEach((state, i) => tracker.update('%1', pane, result(state, i)));
    expect(tracker.get('%1')?.history.map((t) => t.to)).toEqual(['waiting_input', 'crashed']);
    expect(tracker.remove('%1')?.result.state).toBe('crashed');
    expect(tracker.all()).toEqual([]);
    expect(tracker.idleForMs('%1', 10)).toBe(0);
  });

  it('stops calling an unsubscribed listener and rejects a bad history limit', () => {
    const tracker = createAgentStateTracker();
    let calls = 0;
    const off = tracker.subscribe(() => calls++);
    tracker.update('%1', pane, result('active', 0));
    off();
    tracker.update('%1', pane, result('idle', 1));
    expect(calls).toBe(1);
    expect(() => createAgentStateTracker({ historyLimit: 0 })).toThrow(/historyLimit.*positive integer, got `0`/);
  });
});
