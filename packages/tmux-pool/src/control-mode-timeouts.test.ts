import { existsSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createManualClock } from '@tmux-orc/clock';
import { useTmuxSandbox } from '@tmux-orc/testkit';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { silentAttachTmux, useAttachMarker } from './__fixtures__/silent-attach.js';
import { liveChildCount } from './child-registry.js';
import { ControlModeConnection } from './control-mode-connection.js';
import { TmuxAttachTimeoutError } from './errors/tmux-attach-timeout-error.js';
import { TmuxInvalidOptionError } from './errors/invalid-option-error.js';

describe('ControlModeConnection timeouts on a manual clock', () => {
  it('gives up an unanswered attach with TMUX_ATTACH_TIMEOUT exactly when connectTimeoutMs has passed', async () => {
    const sandbox = await useTmuxSandbox();
    const clock = createManualClock();
    const marker = useAttachMarker();
    onTestFinished(() => marker.remove());
    const childrenBefore = liveChildCount();
    let settled = false;
    const attempt = ControlModeConnection.connect({ server: sandbox.server, tmuxPath: silentAttachTmux, connectTimeoutMs: 5000, timers: clock }).then(
      () => new Error('expected the attach to time out'),
      (error: unknown) => error,
    );
    void attempt.then(() => (settled = true));
    await vi.waitFor(() => expect(existsSync(marker.path)).toBe(true));
    clock.advance(4999);
    for (let i = 0; i < 20; i += 1) await nextTurn();
    expect(settled).toBe(false);
    clock.advance(1);
    const error = await attempt;
    expect(error).toBeInstanceOf(TmuxAttachTimeoutError);
    expect(error).toMatchObject({ code: 'TMUX_ATTACH_TIMEOUT', timeoutMs: 5000 });
    // The silent client was ended, and nothing waits on the clock any more.
    expect(liveChildCount()).toBe(childrenBefore);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('rejects a non-positive timeout naming the option and the value', async () => {
    await expect(ControlModeConnection.connect({ server: { socketName: 'unused' }, connectTimeoutMs: 0 })).rejects.toThrow(
      new TmuxInvalidOptionError('connectTimeoutMs', 'a positive number of milliseconds', 0),
    );
  });
});
