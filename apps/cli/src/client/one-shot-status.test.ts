import { describe, expect, it } from 'vitest';
import { settleFirstSight } from './one-shot-status.js';
import type { AgentJson } from '../shared/status-json.js';

const now = Date.parse('2026-11-23T12:00:00.000Z');
const firstSight: AgentJson = {
  id: '%1', target: 's:1.0', session: 's', window: 'Claude-dev', name: 'dev', role: 'agent', detector: 'claude-code',
  state: 'active', since: new Date(now).toISOString(), detail: { unchangedForMs: 0 }, evidence: '❯',
};

describe('settleFirstSight', () => {
  it('is idle since the window last printed when that is longer ago than the debounce', () => {
    const settled = settleFirstSight(firstSight, now / 1000 - 60, 10_000, now);
    expect(settled).toMatchObject({ state: 'idle', since: '2026-11-23T11:59:00.000Z', detail: { basis: 'window_activity', quietMs: 60_000 } });
  });

  it('stays active when the window printed within the debounce', () => {
    expect(settleFirstSight(firstSight, now / 1000 - 3, 10_000, now)).toMatchObject({ state: 'active', detail: { quietMs: 3000 } });
  });

  it('leaves states decided by a sign on the screen alone', () => {
    const working = { ...firstSight, detail: {}, evidence: '✻ Working… (esc to interrupt)' };
    expect(settleFirstSight(working, now / 1000 - 600, 10_000, now)).toBe(working);
    const asking = { ...firstSight, state: 'waiting_input' };
    expect(settleFirstSight(asking, now / 1000 - 600, 10_000, now)).toBe(asking);
  });
});
