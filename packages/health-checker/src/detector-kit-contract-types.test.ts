import type * as kit from '@tmux-orc/detector-kit';
import { describe, expectTypeOf, it } from 'vitest';
import type { AgentDetector } from './agent-detector.js';
import type { AgentState, ObservedState } from './agent-state.js';
import type { DetectorPane } from './detector-pane.js';
import { builtinDetectors } from './detectors/builtin-detectors.js';
import type { Classification, HealthDetail } from './health-result.js';

// The checker implements the plugin contract of @tmux-orc/detector-kit: its types are the kit's, so a
// plugin detector goes where a built-in goes and back. A type defined here again, drifting from the
// contract, fails to compile; so does a built-in that does not declare `contractVersion: 'v1'`.
describe('the detector contract, both ways', () => {
  it('agent detectors', () => {
    expectTypeOf<kit.AgentDetector>().toExtend<AgentDetector>();
    expectTypeOf<AgentDetector>().toExtend<kit.AgentDetector>();
    expectTypeOf(builtinDetectors).toExtend<readonly kit.AgentDetector[]>();
  });

  it('what detectors read and answer', () => {
    expectTypeOf<kit.DetectorPane>().toExtend<DetectorPane>();
    expectTypeOf<DetectorPane>().toExtend<kit.DetectorPane>();
    expectTypeOf<kit.Classification>().toExtend<Classification>();
    expectTypeOf<Classification>().toExtend<kit.Classification>();
    expectTypeOf<kit.HealthDetail>().toExtend<HealthDetail>();
    expectTypeOf<HealthDetail>().toExtend<kit.HealthDetail>();
  });

  it('states', () => {
    expectTypeOf<kit.AgentState>().toEqualTypeOf<AgentState>();
    expectTypeOf<kit.ObservedState>().toEqualTypeOf<ObservedState>();
  });
});
