import { describe, expect, it } from 'vitest';
import { countStates, needsYou } from './agent-states.js';
import { applySnapshot, applyTransition, emptyFleet, laneSpanMs } from './fleet-store.js';
import { fleetRows, visibleRange } from './fleet-rows.js';
import { formatDuration } from './format-time.js';
import type { AgentJson, Snapshot } from './wire-types.js';

const agent = (id: string, session: string, state: string, role = 'agent'): AgentJson => ({
  id, target: `${session}:${id}`, session, window: id, name: id, role, detector: 'claude-code', state, since: '2026-01-01T00:00:00.000Z', detail: {}, evidence: 'line',
});

describe('countStates', () => {
  it('puts what needs a person first, and idle agents of a PM-less session among them', () => {
    const agents = [agent('%1', 'a', 'active'), agent('%2', 'a', 'idle'), agent('%3', 'b', 'idle'), agent('%4', 'b', 'idle', 'pm'), agent('%5', 'b', 'crashed'), agent('%6', 'a', 'waiting_input')];
    expect(countStates(agents)).toEqual([
      { key: 'waiting_input', count: 1, needsYou: true },
      { key: 'crashed', count: 1, needsYou: true },
      { key: 'idle_no_pm', count: 1, needsYou: true },
      { key: 'idle', count: 2, needsYou: false },
      { key: 'active', count: 1, needsYou: false },
    ]);
    expect(needsYou('active')).toBe(false);
  });
});

describe('fleetRows', () => {
  it('groups by host and session with a heading each, and filters by count key', () => {
    const agents = [agent('%1', 'a', 'active'), agent('-L x/%2', 'a', 'error'), agent('%3', 'a', 'error')];
    const rows = fleetRows(agents, null, needsYou);
    expect(rows.map((row) => row.key)).toEqual(['g:\u0000a', '%1', '%3', 'g:-L x\u0000a', '-L x/%2']);
    expect(rows[0]).toMatchObject({ kind: 'group', agents: 2, needing: 1 });
    expect(fleetRows(agents, new Set(['error']), needsYou).filter((row) => row.kind === 'agent').map((row) => row.key)).toEqual(['-L x/%2', '%3']);
  });

  it('shows only the rows in view, plus overscan', () => {
    expect(visibleRange(0, 300, 30, 1000, 2)).toEqual([0, 12]);
    expect(visibleRange(29_700, 300, 30, 1000, 2)).toEqual([988, 1000]);
  });
});

describe('fleet store', () => {
  const snapshot: Snapshot = {
    status: { agents: [agent('%1', 'a', 'idle')], summary: { idle: 1 }, cycle: { ms: 3, strategy: 'concurrent', transport: 'control' }, source: 'daemon' },
    history: { now: 10_000, windowMs: 3_600_000, startedAt: 2000, timelines: { '%1': [['idle', 1000]] }, samples: [] },
    upstream: { up: true, error: null },
    source: 'daemon /x.sock',
  };

  it('applies a transition to the agent and its lane at once', () => {
    const state = applyTransition(applySnapshot(emptyFleet, snapshot, 9000), { agentId: '%1', to: 'waiting_input', at: 5000, detector: 'claude-code', detail: {}, evidence: ['Do you want to proceed?'] });
    expect(state.agents[0]).toMatchObject({ state: 'waiting_input', since: new Date(5000).toISOString(), evidence: 'Do you want to proceed?' });
    expect(state.timelines['%1']).toEqual([['idle', 1000], ['waiting_input', 5000]]);
    expect(state.clockOffsetMs).toBe(1000);
  });

  it('keeps the last known agents when the source is down', () => {
    const down = applySnapshot(applySnapshot(emptyFleet, snapshot, 9000), { ...snapshot, status: null, upstream: { up: false, error: 'gone' } }, 9500);
    expect(down.agents).toHaveLength(1);
    expect(down.upstream.up).toBe(false);
  });
});

describe('laneSpanMs', () => {
  it('spans what was recorded, at least a minute, at most the window', () => {
    expect(laneSpanMs({ windowMs: 3_600_000, historyStart: 0 }, 30_000)).toBe(60_000);
    expect(laneSpanMs({ windowMs: 3_600_000, historyStart: 0 }, 600_000)).toBe(600_000);
    expect(laneSpanMs({ windowMs: 3_600_000, historyStart: 0 }, 9_000_000)).toBe(3_600_000);
  });
});

describe('formatDuration', () => {
  it('reads like the CLI', () => {
    expect([formatDuration(42_000), formatDuration(185_000), formatDuration(7_620_000)]).toEqual(['42s', '3m 05s', '2h 07m']);
  });
});
