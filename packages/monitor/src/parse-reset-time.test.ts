import { describe, expect, it } from 'vitest';
import { parseResetTime } from './parse-reset-time.js';

// 2026-11-23 10:00:00 UTC = 11:00 in Paris (CET, UTC+1) = 05:00 in New York (EST).
const now = Date.UTC(2026, 10, 23, 10, 0, 0);
const iso = (at: number | undefined) => (at === undefined ? undefined : new Date(at).toISOString());

describe('parseResetTime', () => {
  it.each([
    ['in 5 minutes', '2026-11-23T10:05:00.000Z'],
    ['in 32s', '2026-11-23T10:00:32.000Z'],
    ['in 2.0 seconds', '2026-11-23T10:00:02.000Z'],
    ['in 1 hour', '2026-11-23T11:00:00.000Z'],
    ['3pm (Europe/Paris)', '2026-11-23T14:00:00.000Z'],
    ['9am (Europe/Paris)', '2026-11-24T08:00:00.000Z'],
    ['3:28 PM (America/New_York)', '2026-11-23T20:28:00.000Z'],
    ['12am (UTC)', '2026-11-24T00:00:00.000Z'],
    ['2026-11-23T12:30:00.000Z', '2026-11-23T12:30:00.000Z'],
  ])('reads %s', (text, expected) => {
    expect(iso(parseResetTime(text, now))).toBe(expected);
  });

  it('reads a clock time without a zone in the system zone, as the next such time', () => {
    const at = parseResetTime('3:28 PM', now);
    expect(at).toBeGreaterThan(now);
    expect(at).toBeLessThanOrEqual(now + 24 * 3_600_000);
    const local = new Date(at ?? 0);
    expect([local.getHours(), local.getMinutes()]).toEqual([15, 28]);
  });

  it.each(['soon', '', '13pm', '5pm (Mars/Olympus)', 'attempt 3'])('cannot read %j', (text) => {
    expect(parseResetTime(text, now)).toBeUndefined();
  });
});
