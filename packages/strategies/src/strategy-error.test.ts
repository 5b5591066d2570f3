import { describe, expect, it } from 'vitest';
import { StrategyError } from './strategy-error.js';
import { StrategyLoadError } from './strategy-load-error.js';

describe('StrategyError.isInstance', () => {
  it('recognises an error made by another copy of the package, by its process-wide marker', () => {
    // What a plugin's own copy of @tmux-orc/strategies throws: another class, the same marker.
    const foreign = Object.assign(new Error('bad option'), { code: 'INVALID_OPTION', [Symbol.for('@tmux-orc/strategies.StrategyError')]: true });
    expect(foreign instanceof StrategyError).toBe(false);
    expect(StrategyError.isInstance(foreign)).toBe(true);
  });

  it('accepts its own errors and subclasses, rejects anything else', () => {
    expect(StrategyError.isInstance(new StrategyError('INVALID_OPTION', 'x'))).toBe(true);
    expect(StrategyError.isInstance(new StrategyLoadError('STRATEGY_NOT_FOUND', 'x', 'y'))).toBe(true);
    expect(StrategyError.isInstance(new Error('x'))).toBe(false);
    expect(StrategyError.isInstance({ code: 'INVALID_OPTION' })).toBe(false);
    expect(StrategyError.isInstance(null)).toBe(false);
  });
});
