import { createDefaultConfig, type Config } from '@tmux-orc/config';
import { describe, expect, it } from 'vitest';
import { configuredStrategyOptions, eventsStalenessSeconds } from './strategy-source.js';

function withAsync(patch: Partial<Config['monitoring']['async']>): Config {
  const base = createDefaultConfig('/nonexistent');
  return { ...base, monitoring: { ...base.monitoring, async: { ...base.monitoring.async, ...patch } } };
}

describe('configuredStrategyOptions', () => {
  it('gives adaptive the slow safety-net staleness and no always-captured states or roles under discovery: events', () => {
    expect(configuredStrategyOptions(withAsync({ strategy: 'adaptive', discovery: 'events', strategy_options: { max_captures_per_cycle: 50 } }))).toEqual({
      max_captures_per_cycle: 50,
      staleness: eventsStalenessSeconds,
      always_capture_states: [],
      always_capture_roles: [],
    });
  });

  it("keeps the user's staleness and states, and leaves list discovery and other strategies alone", () => {
    expect(configuredStrategyOptions(withAsync({ strategy: 'adaptive', discovery: 'events', strategy_options: { staleness: 5, always_capture_states: ['error'] } }))).toEqual({
      staleness: 5,
      always_capture_states: ['error'],
      always_capture_roles: [],
    });
    expect(configuredStrategyOptions(withAsync({ strategy: 'adaptive', discovery: 'list', strategy_options: {} }))).toEqual({});
    expect(configuredStrategyOptions(withAsync({ strategy: 'concurrent', discovery: 'events', strategy_options: {} }))).toEqual({});
  });
});
