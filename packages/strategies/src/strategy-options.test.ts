import { describe, expect, it } from 'vitest';
import { StrategyError } from './strategy-error.js';
import { readStrategyOptions } from './strategy-options.js';

describe('readStrategyOptions', () => {
  it('reads strings and booleans, with defaults, and names a wrong one', () => {
    const read = readStrategyOptions('window-prefix', { prefix: 'Claude-', include_pm: true });
    expect(read.string('prefix', 'agent-')).toBe('Claude-');
    expect(read.boolean('include_pm', false)).toBe(true);
    expect(read.string('label', 'none')).toBe('none');
    expect(read.boolean('verbose', false)).toBe(false);
    expect(() => read.rejectUnknown()).not.toThrow();
    expect(() => readStrategyOptions('window-prefix', { prefix: '' }).string('prefix', 'x')).toThrow(
      'Expected the `prefix` option of strategy `window-prefix` to be a non-empty string, got',
    );
    expect(() => readStrategyOptions('window-prefix', { include_pm: 'yes' }).boolean('include_pm', false)).toThrow(
      'Expected the `include_pm` option of strategy `window-prefix` to be `true` or `false`, got a string (`"yes"`)',
    );
  });

  it('fills defaults and returns the given values', () => {
    const read = readStrategyOptions('x', { limit: 3, roles: ['pm'] });
    expect(read.positiveInteger('limit', 9)).toBe(3);
    expect(read.positiveNumber('every', 1.5)).toBe(1.5);
    expect(read.optionalPositiveInteger('budget')).toBeNull();
    expect(read.stringList('roles', ['pm', 'agent'], ['agent'])).toEqual(['pm']);
    expect(() => read.rejectUnknown()).not.toThrow();
  });

  it('names the strategy, the option, the expected and the actual value', () => {
    const wrong = (options: Record<string, unknown>, readKey: (r: ReturnType<typeof readStrategyOptions>) => unknown) => {
      try {
        readKey(readStrategyOptions('adaptive', options));
      } catch (error) {
        expect(error).toBeInstanceOf(StrategyError);
        expect((error as StrategyError).code).toBe('INVALID_OPTION');
        return (error as Error).message;
      }
      throw new Error('Expected the read to throw');
    };
    expect(wrong({ staleness: '10s' }, (r) => r.positiveNumber('staleness', 10))).toBe(
      'Expected the `staleness` option of strategy `adaptive` to be a finite number > 0, got a string (`"10s"`)',
    );
    expect(wrong({ budget: 0 }, (r) => r.optionalPositiveInteger('budget'))).toBe(
      'Expected the `budget` option of strategy `adaptive` to be a positive integer or null, got a number (`0`)',
    );
    expect(wrong({ states: ['idel'] }, (r) => r.stringList('states', ['idle', 'active'], []))).toBe(
      'Expected every item of the `states` option of strategy `adaptive` to be one of `idle`, `active`, got a string (`"idel"`)',
    );
    expect(wrong({ states: 'idle' }, (r) => r.stringList('states', ['idle'], []))).toBe(
      'Expected the `states` option of strategy `adaptive` to be a list of `idle`, got a string (`"idle"`)',
    );
  });

  it('rejects keys nobody read, listing the known ones', () => {
    const read = readStrategyOptions('adaptive', { staleness: 5, max_capture: 3, extra: true });
    read.positiveNumber('staleness', 10);
    read.optionalPositiveInteger('max_captures_per_cycle');
    expect(() => read.rejectUnknown()).toThrow(
      'Expected only `staleness`, `max_captures_per_cycle` for strategy `adaptive`, got unknown options `max_capture`, `extra`',
    );
  });
});
