import { describe, expect, it } from 'vitest';
import { staleAfter } from './stale-after.js';

describe('staleAfter', () => {
  const ids = Array.from({ length: 1000 }, (_, i) => `%${i}`);

  it('is between half the bound and the bound, the same for the same pane', () => {
    for (const id of ids) {
      const due = staleAfter(id, 60_000);
      expect(due).toBeGreaterThan(30_000);
      expect(due).toBeLessThanOrEqual(60_000);
      expect(staleAfter(id, 60_000)).toBe(due);
    }
  });

  it('spreads 1000 panes over the window: no tenth of it holds more than twice its share', () => {
    const buckets = new Array<number>(10).fill(0);
    for (const id of ids) {
      const bucket = Math.min(9, Math.floor(((staleAfter(id, 60_000) - 30_000) / 30_000) * 10));
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
    expect(Math.max(...buckets)).toBeLessThanOrEqual(200);
    expect(Math.min(...buckets)).toBeGreaterThanOrEqual(50);
  });
});
