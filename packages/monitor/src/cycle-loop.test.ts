import { createManualClock } from '@tmux-orc/clock';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from './__fixtures__/agent-views.js';
import { createCycleLoop } from './cycle-loop.js';

function gatedCycles() {
  const releases: (() => void)[] = [];
  let started = 0;
  const cycle = async (): Promise<number> => {
    started += 1;
    const n = started;
    await new Promise<void>((resolve) => releases.push(resolve));
    return n;
  };
  return { cycle, started: () => started, release: () => releases.shift()?.() };
}

describe('cycle loop', () => {
  it('skips (and counts) ticks while a cycle runs, never overlapping two', async () => {
    const clock = createManualClock();
    const gated = gatedCycles();
    const logger = memoryLogger();
    const loop = createCycleLoop({ cycle: gated.cycle, intervalMs: 1_000, timers: clock, logger, onTickError: () => undefined });
    loop.start();
    await Promise.resolve();
    expect(gated.started()).toBe(1);
    clock.advance(3_000);
    expect(loop.skipped()).toBe(3);
    expect(logger.lines.filter((line) => line.startsWith('warn slow cycle'))).toHaveLength(3);
    gated.release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    clock.advance(1_000);
    await Promise.resolve();
    expect(gated.started()).toBe(2);
    gated.release();
    await loop.stop();
    expect(clock.pendingTimers()).toBe(0);
    expect(loop.started()).toBe(false);
  });

  it('queues an explicit runCycle behind the running one, and stop waits for both', async () => {
    const gated = gatedCycles();
    const loop = createCycleLoop({ cycle: gated.cycle, intervalMs: 1_000, timers: createManualClock(), logger: memoryLogger(), onTickError: () => undefined });
    const first = loop.runCycle();
    const second = loop.runCycle();
    await Promise.resolve();
    expect(gated.started()).toBe(1);
    gated.release();
    expect(await first).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    gated.release();
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    expect(await second).toBe(2);
    await stopping;
    expect(stopped).toBe(true);
  });

  it('hands a failed ticked cycle to onTickError and keeps ticking', async () => {
    const clock = createManualClock();
    const errors: unknown[] = [];
    let calls = 0;
    const loop = createCycleLoop({
      cycle: async () => {
        calls += 1;
        throw new Error(`cycle ${calls} failed`);
      },
      intervalMs: 1_000,
      timers: clock,
      logger: memoryLogger(),
      onTickError: (error) => errors.push(error),
    });
    loop.start();
    await new Promise((resolve) => setTimeout(resolve, 0));
    clock.advance(1_000);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(errors.map(String)).toEqual(['Error: cycle 1 failed', 'Error: cycle 2 failed']);
    await loop.stop();
  });
});

describe('cycle loop under a flood of requests', () => {
  it('keeps at most one cycle pending however many callers ask while one runs', async () => {
    const gated = gatedCycles();
    const loop = createCycleLoop({ cycle: gated.cycle, intervalMs: 1_000, timers: createManualClock(), logger: memoryLogger(), onTickError: () => undefined });
    const first = loop.runCycle();
    const flood = Array.from({ length: 777 }, () => loop.runCycle());
    await Promise.resolve();
    gated.release();
    expect(await first).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    gated.release();
    expect(new Set(await Promise.all(flood))).toEqual(new Set([2]));
    expect(gated.started()).toBe(2);
    // A request after the shared cycle started gets a cycle of its own.
    const later = loop.runCycle();
    await new Promise((resolve) => setTimeout(resolve, 0));
    gated.release();
    expect(await later).toBe(3);
    await loop.stop();
  });
});
