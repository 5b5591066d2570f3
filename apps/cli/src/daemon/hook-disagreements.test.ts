import { describe, expect, it } from 'vitest';
import type { HookSighting } from '../shared/hook-sighting.js';
import { createHookDisagreements } from './hook-disagreements.js';

function recordingLogger() {
  const lines: { message: string; fields: Record<string, unknown> }[] = [];
  const log = (message: string, fields: Record<string, unknown> = {}) => lines.push({ message, fields });
  return { lines, logger: { debug: log, info: log, warn: log, error: log } };
}

const stop: HookSighting = { event: 'Stop', at: '2026-11-30T09:00:00.000Z', implies: 'idle', screen_state: 'active', agrees: false };
const agent = (state: string) => [{ id: '%3', target: 'dev:1.0', state }];

describe('hook disagreements', () => {
  it('logs a hook that disagrees with the screen once, after the debounce, not every cycle', () => {
    const { lines, logger } = recordingLogger();
    const watch = createHookDisagreements({ afterMs: 6000, logger });
    const sightings = new Map([['%3', stop]]);
    // The screen keeps reading active after Stop (an Esc the hook never saw, a turn that went on).
    for (let t = 0; t <= 20_000; t += 1000) watch.check(agent('active'), sightings, t);
    expect(lines.map((l) => l.message)).toEqual(['hook and screen disagree; the screen decides']);
    expect(lines[0]?.fields).toMatchObject({ agent: '%3', hook: 'Stop', hook_implies: 'idle', screen_state: 'active', disagreeing_ms: 6000 });
    expect(watch.get('%3')).toEqual({ since: 0, logged: true });
  });

  it('logs nothing when the screen comes round within the debounce (idle is called only after it)', () => {
    const { lines, logger } = recordingLogger();
    const watch = createHookDisagreements({ afterMs: 6000, logger });
    const sightings = new Map([['%3', stop]]);
    for (let t = 0; t < 5000; t += 1000) watch.check(agent('active'), sightings, t);
    watch.check(agent('idle'), sightings, 5000);
    watch.check(agent('idle'), sightings, 30_000);
    expect(lines).toEqual([]);
    expect(watch.get('%3')).toBeUndefined();
  });

  it('counts a new disagreement after agreeing again, and a new hook ends the old one', () => {
    const { lines, logger } = recordingLogger();
    const watch = createHookDisagreements({ afterMs: 1000, logger });
    const sightings = new Map([['%3', stop]]);
    watch.check(agent('active'), sightings, 0);
    watch.check(agent('active'), sightings, 1000);
    watch.check(agent('idle'), sightings, 2000);
    watch.check(agent('active'), sightings, 3000);
    watch.check(agent('active'), sightings, 4000);
    expect(lines).toHaveLength(2);
    watch.sighted('%3');
    expect(watch.get('%3')).toBeUndefined();
  });
});
