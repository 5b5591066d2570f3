import { describe, expect, it } from 'vitest';
import { createManualClock } from './manual-clock.js';

describe('createManualClock', () => {
  it('runs timeouts and intervals in due order as time advances', () => {
    const clock = createManualClock(0);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push(`t300@${clock.now()}`), 300);
    const every = clock.setInterval(() => fired.push(`i200@${clock.now()}`), 200);
    clock.advance(450);
    expect(fired).toEqual(['i200@200', 't300@300', 'i200@400']);
    clock.clearInterval(every);
    clock.advance(1000);
    expect(fired).toHaveLength(3);
    expect(clock.now()).toBe(1450);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('does not run a cleared timeout', () => {
    const clock = createManualClock();
    let ran = false;
    const handle = clock.setTimeout(() => (ran = true), 10);
    clock.clearTimeout(handle);
    clock.advance(20);
    expect(ran).toBe(false);
  });

  it('rejects a negative advance with the value it got', () => {
    expect(() => createManualClock().advance(-1)).toThrow('Expected `ms` to be a non-negative number, got `-1`');
  });
});
