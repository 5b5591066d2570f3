import { describe, expect, it } from 'vitest';
import { actionContext, recordingRunner, view } from '../__fixtures__/agent-views.js';
import { resubmitQueued } from './resubmit-queued.js';

describe('resubmitQueued', () => {
  it('presses Enter a bounded number of times, spaced, then reports; leaving the state resets', async () => {
    const runner = recordingRunner();
    const ctx = actionContext((c) => ({ ...c, recovery: { ...c.recovery, resubmit_attempts: 2, resubmit_spacing: 10 } }));
    const queued = [view({ id: '%1', name: 'dev', state: 'queued_message', detail: { queuedText: 'run the\ntests' } }, runner)];
    const log: string[] = [];
    for (const at of [0, 5_000, 10_000, 20_000]) {
      ctx.clock.set(at);
      const items = await resubmitQueued(queued, ctx);
      log.push(`${at}: ${runner.commands.length} Enter${items.map((i) => `, ${i.text}`).join('')}`);
    }
    expect(log).toEqual(['0: 1 Enter', '5000: 1 Enter', '10000: 2 Enter', `20000: 2 Enter, dev (s:1) queued_message: "run the tests" not submitted after 2 Enter`]);
    expect(runner.commands[0]).toEqual(['send-keys', '-t', '%1', 'Enter']);
    await resubmitQueued([view({ id: '%1', name: 'dev', state: 'active' }, runner)], ctx);
    expect(ctx.state.resubmits).toEqual({});
  });
});
