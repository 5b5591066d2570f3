import { describe, expect, it } from 'vitest';
import { observed, testPane } from './__fixtures__/test-panes.js';
import { resolveAdaptiveOptions } from './adaptive-options.js';
import { quietUntil } from './quiet-until.js';

const options = resolveAdaptiveOptions({ stalenessMs: 60_000 });

describe('quietUntil', () => {
  it('is the earliest debounce re-check of an active pane, or half the staleness bound of the others', () => {
    const idle = testPane('%1');
    const active = testPane('%2');
    const seen = new Map([
      ['%1', observed(idle, 'idle', 1_000)],
      ['%2', observed(active, 'active', 4_000)],
    ]);
    expect(quietUntil([idle, active], seen, 5_000, options)).toBe(9_000);
    expect(quietUntil([idle], seen, 5_000, options)).toBe(31_000);
    expect(quietUntil([], seen, 5_000, options)).toBe(Number.POSITIVE_INFINITY);
  });

  it('is -Infinity when a pane calls for a look every cycle or at once', () => {
    const pane = testPane('%1');
    const at = (state: 'idle' | 'error', windowActivity = pane.windowActivity) => new Map([['%1', observed(pane, state, 0, windowActivity)]]);
    expect(quietUntil([testPane('%1', { role: 'pm' })], at('idle'), 5_000, options)).toBe(Number.NEGATIVE_INFINITY);
    expect(quietUntil([pane], at('error'), 5_000, options)).toBe(Number.NEGATIVE_INFINITY);
    // A look to repeat (stamp -1), a stamp not looked at, a pane never looked at.
    expect(quietUntil([pane], at('idle', -1), 5_000, options)).toBe(Number.NEGATIVE_INFINITY);
    expect(quietUntil([testPane('%1', { windowActivity: pane.windowActivity + 1 })], at('idle'), 5_000, options)).toBe(Number.NEGATIVE_INFINITY);
    expect(quietUntil([pane], new Map(), 5_000, options)).toBe(Number.NEGATIVE_INFINITY);
  });
});
