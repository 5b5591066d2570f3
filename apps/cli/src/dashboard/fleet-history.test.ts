import { describe, expect, it } from 'vitest';
import type { AgentJson, StatusJson } from '../shared/status-json.js';
import { createFleetHistory } from './fleet-history.js';

const agent = (id: string, state: string, since: number): AgentJson => ({
  id, host: null, target: `s:${id}`, session: 's', window: id, name: id, role: 'agent', detector: 'claude-code', state, since: new Date(since).toISOString(), detail: {}, evidence: '',
});
const status = (agents: AgentJson[]): StatusJson => ({ agents, summary: {}, cycle: { ms: 7, strategy: 'concurrent', transport: 'control' }, source: 'daemon', held_reports: [], hooks: { running: 0, queued: 0, dropped: 0 } });

describe('createFleetHistory', () => {
  it('starts a lane at the status since, appends transitions, ignores repeats', () => {
    const history = createFleetHistory();
    history.observeStatus(status([agent('%1', 'idle', 1000)]), 2000);
    history.observeTransition('%1', 'active', 3000);
    history.observeTransition('%1', 'active', 3500);
    history.observeStatus(status([agent('%1', 'waiting_input', 4000)]), 5000);
    expect(history.snapshot(5000).timelines['%1']).toEqual([['idle', 1000], ['active', 3000], ['waiting_input', 4000]]);
  });

  it('keeps only the last window, with the segment current at its start, and forgets gone agents', () => {
    const history = createFleetHistory({ windowMs: 10_000, sampleEveryMs: 1 });
    history.observeStatus(status([agent('%1', 'idle', 0), agent('%2', 'idle', 0)]), 1000);
    history.observeTransition('%1', 'active', 2000);
    history.observeTransition('%1', 'error', 3000);
    history.observeStatus(status([agent('%1', 'error', 3000)]), 12_500);
    const snapshot = history.snapshot(12_500);
    expect(snapshot.timelines).toEqual({ '%1': [['active', 2000], ['error', 3000]] });
    expect(snapshot.samples.map((s) => s.at)).toEqual([12_500]);
    expect(snapshot.startedAt).toBe(1000);
  });

  it('never puts a late since before the lane’s last segment', () => {
    const history = createFleetHistory();
    history.observeTransition('%1', 'active', 5000);
    history.observeTransition('%1', 'idle', 4000);
    expect(history.snapshot(6000).timelines['%1']).toEqual([['active', 5000], ['idle', 5000]]);
  });
});
