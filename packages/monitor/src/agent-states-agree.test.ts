import { agentStates as configStates } from '@tmux-orc/config';
import { agentStates as detectedStates } from '@tmux-orc/health-checker';
import { describe, expect, it } from 'vitest';

// config cannot depend on health-checker (arrows point one way), so it keeps its own list of the
// states its keys (cooldowns, hooks) name; the monitor, which uses both, checks they agree.
describe('agent states', () => {
  it('are the same in the config schema and in the health checker', () => {
    expect([...configStates]).toEqual([...detectedStates]);
  });
});
