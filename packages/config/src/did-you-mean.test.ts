import { describe, expect, it } from 'vitest';
import { closestKey, editDistance, normalizeKey } from './did-you-mean.js';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('check_interval', 'check_interval')).toBe(0);
    expect(editDistance('chek_interval', 'check_interval')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('closestKey', () => {
  const keys = ['check_interval', 'max_failures', 'debounce', 'async'];

  it('suggests the nearest key for a typo', () => {
    expect(closestKey('chek_interval', keys)).toBe('check_interval');
    expect(closestKey('max_failure', keys)).toBe('max_failures');
    expect(closestKey('debunce', keys)).toBe('debounce');
  });

  it('matches camelCase and kebab-case spellings', () => {
    expect(normalizeKey('checkInterval')).toBe('check_interval');
    expect(closestKey('checkInterval', keys)).toBe('check_interval');
    expect(closestKey('max-failures', keys)).toBe('max_failures');
  });

  it('completes a truncated key when only one key starts with it', () => {
    expect(closestKey('monitor', ['profile', 'monitoring', 'discovery'])).toBe('monitoring');
    expect(closestKey('max', keys)).toBeUndefined();
    expect(closestKey('pool_m', ['min_size', 'max_size'])).toBeUndefined();
  });

  it('suggests nothing when no key is plausibly meant', () => {
    expect(closestKey('colour', keys)).toBeUndefined();
    expect(closestKey('x', [])).toBeUndefined();
  });
});
