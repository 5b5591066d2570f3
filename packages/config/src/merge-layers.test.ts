import { describe, expect, it } from 'vitest';
import { mergeLayers, originOf } from './merge-layers.js';

describe('mergeLayers', () => {
  it('forgets the origins below a mapping that a later layer replaces', () => {
    const { value, origins } = mergeLayers([
      { source: 'default', data: { a: { b: { c: 1 }, d: 2 } } },
      { source: 'cli', data: { a: { b: 'flat' } } },
    ]);
    expect(value).toEqual({ a: { b: 'flat', d: 2 } });
    expect(origins.get('a.b.c')).toBeUndefined();
    expect(originOf(origins, ['a', 'b'])).toBe(1);
    expect(originOf(origins, ['a', 'd'])).toBe(0);
  });

  // Each new key used to scan every origin recorded so far: 100 000 keys meant 5·10^9 string
  // checks, far past the timeout. Walking only the replaced mapping keeps it linear.
  it('merges 100 000 keys over 100 000 keys, each from the right layer', { timeout: 30_000 }, () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}`);
    const lower = Object.fromEntries(keys.map((k) => [k, { nested: 1 }]));
    const upper = Object.fromEntries(keys.map((k, i) => [k, i % 2 === 0 ? 'replaced' : { nested: 2 }]));
    const { value, origins } = mergeLayers([
      { source: 'default', data: { m: lower } },
      { source: 'cli', data: { m: upper } },
    ]);
    const merged = value['m'] as Record<string, unknown>;
    expect(merged['k0']).toBe('replaced');
    expect(merged['k1']).toEqual({ nested: 2 });
    expect(origins.get('m.k0.nested')).toBeUndefined();
    expect(origins.get('m.k1.nested')).toBe(1);
    expect(origins.get('m.k99998')).toBe(1);
  });
});
