import * as checker from '@tmux-orc/health-checker';
import type * as pool from '@tmux-orc/tmux-pool';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { agentStates, defaultDebounceMs, type AgentState } from './agent-state.js';
import type { HealthDetail, HealthResult } from './health-result.js';
import { failedCheckResult } from './observation.js';
import type { CheckedPane, PaneInfo, RunOptions, TmuxRunner } from './pane-info.js';

// The contract declares the checker's and the pool's types itself, so that a plugin installs this
// package alone. These prove the copies are the same types (the monitor hands its real checker and
// pool to every strategy) and the same values; a field added on one side only fails here.
describe('the contract and the packages it mirrors', () => {
  it('declares the same types as @tmux-orc/health-checker and @tmux-orc/tmux-pool, assignable both ways', () => {
    expectTypeOf<AgentState>().toEqualTypeOf<checker.AgentState>();
    expectTypeOf<HealthDetail>().toEqualTypeOf<checker.HealthDetail>();
    expectTypeOf<HealthResult>().toEqualTypeOf<checker.HealthResult>();
    expectTypeOf<CheckedPane>().toEqualTypeOf<checker.CheckedPane>();
    expectTypeOf<PaneInfo>().toEqualTypeOf<pool.PaneInfo>();
    expectTypeOf<RunOptions>().toEqualTypeOf<pool.RunOptions>();
    expectTypeOf<TmuxRunner>().toEqualTypeOf<pool.TmuxRunner>();
    expectTypeOf<HealthResult>().toExtend<checker.HealthResult>();
    expectTypeOf<checker.HealthResult>().toExtend<HealthResult>();
    expectTypeOf<PaneInfo>().toExtend<pool.PaneInfo>();
    expectTypeOf<pool.PaneInfo>().toExtend<PaneInfo>();
    expectTypeOf<CheckedPane>().toExtend<checker.CheckedPane>();
    expectTypeOf<checker.CheckedPane>().toExtend<CheckedPane>();
    // The real checker and pool are what the monitor passes as `services`.
    expectTypeOf<checker.AsyncHealthChecker>().toExtend<{ check(pane: CheckedPane): Promise<HealthResult> }>();
    expectTypeOf<pool.TmuxConnectionPool>().toExtend<TmuxRunner>();
  });

  it('has the same states, debounce default and failed-check verdict', () => {
    expect(agentStates).toEqual(checker.agentStates);
    expect(defaultDebounceMs).toBe(checker.defaultDebounceMs);
    const error = new Error('capture failed');
    expect(failedCheckResult(error, 42)).toEqual(checker.failedResult(error, 42));
    expect(failedCheckResult('no pane', 7)).toEqual(checker.failedResult('no pane', 7));
  });
});
