import type { PaneInfo } from '@tmux-orc/tmux-pool';
import { describe, expectTypeOf, it } from 'vitest';
import type { AgentState, ObservedState } from './agent-state.js';
import type { DetectorPane } from './detector-pane.js';
import type { HealthResult } from './health-result.js';
import type { CheckedPane } from './pane-result.js';

describe('types', () => {
  it('takes a PaneInfo from @tmux-orc/tmux-pool wherever a pane is expected', () => {
    expectTypeOf<PaneInfo>().toExtend<DetectorPane>();
    expectTypeOf<PaneInfo>().toExtend<CheckedPane>();
  });

  it('never lets the no_activity candidate out as a final state', () => {
    expectTypeOf<HealthResult['state']>().toEqualTypeOf<AgentState>();
    expectTypeOf<'no_activity'>().not.toExtend<AgentState>();
    expectTypeOf<'idle'>().not.toExtend<ObservedState>();
  });
});
