import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../__fixtures__/agent-views.js';
import { createHookQueue } from './hook-queue.js';

describe('hook queue', () => {
  it('runs at most `concurrency` hooks at once, queues up to the bound and drops the rest, saying so', async () => {
    const logger = memoryLogger();
    const queue = createHookQueue(2, 3, logger);
    let running = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const hook = () => async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => releases.push(resolve));
      running -= 1;
    };
    const all = Array.from({ length: 20 }, (_, i) => queue.submit(`sleep 8 #${i}`, hook()));
    expect(queue.stats()).toEqual({ running: 2, queued: 3, dropped: 15 });
    expect(logger.lines.filter((l) => l.startsWith('warn hook dropped'))).toHaveLength(15);
    while (releases.length > 0 || queue.stats().running > 0) {
      releases.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await Promise.all(all);
    expect(most).toBe(2);
    expect(queue.stats()).toEqual({ running: 0, queued: 0, dropped: 15 });
  });

  it('drops the waiting hooks on clear, so stopping never waits for a backlog', async () => {
    const queue = createHookQueue(1, 10, memoryLogger());
    let release: () => void = () => undefined;
    const first = queue.submit('a', () => new Promise<void>((resolve) => (release = resolve)));
    let ran = 0;
    const waiting = [queue.submit('b', async () => void (ran += 1)), queue.submit('c', async () => void (ran += 1))];
    queue.clear();
    await Promise.all(waiting);
    expect(queue.stats()).toEqual({ running: 1, queued: 0, dropped: 2 });
    release();
    await first;
    expect(ran).toBe(0);
  });
});
