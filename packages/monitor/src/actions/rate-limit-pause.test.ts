import { describe, expect, it } from 'vitest';
import { actionContext, recordingRunner, view } from '../__fixtures__/agent-views.js';
import { isPaused, updateRateLimitPauses } from './rate-limit-pause.js';

describe('rate-limit pauses', () => {
  it('pauses only the limited agent until its reset, once per episode', () => {
    const runner = recordingRunner();
    const ctx = actionContext();
    const limited = view({ id: '%1', name: 'a', state: 'rate_limited', detail: { resetAt: 'in 5 minutes' } }, runner);
    const other = view({ id: '%2', name: 'b', state: 'idle' }, runner);
    updateRateLimitPauses([limited, other], ctx);
    expect([isPaused(ctx, '%1'), isPaused(ctx, '%2')]).toEqual([true, false]);
    ctx.clock.set(300_000);
    updateRateLimitPauses([limited, other], ctx);
    expect(isPaused(ctx, '%1')).toBe(false);
    updateRateLimitPauses([view({ id: '%1', name: 'a', state: 'active' }, runner)], ctx);
    expect(ctx.state.pausedUntil).toEqual({});
  });

  it('uses notifications.rate_limit_pause when the reset time cannot be read', () => {
    const ctx = actionContext((c) => ({ ...c, notifications: { ...c.notifications, rate_limit_pause: 60 } }));
    updateRateLimitPauses([view({ id: '%1', name: 'a', state: 'rate_limited', detail: { resetAt: 'soon-ish' } }, recordingRunner())], ctx);
    expect(ctx.state.pausedUntil['%1']).toBe(60_000);
  });
});
