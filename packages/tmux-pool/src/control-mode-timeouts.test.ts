import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { createManualClock } from '@tmux-orc/clock';
import { useTmuxSandbox } from '@tmux-orc/testkit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { liveChildCount } from './child-registry.js';
import { ControlModeConnection } from './control-mode-connection.js';
import { TmuxAttachTimeoutError } from './errors/tmux-attach-timeout-error.js';
import { TmuxInvalidOptionError } from './errors/invalid-option-error.js';

/** A tmux whose `-C` clients never answer their attach; everything else is the real tmux. */
export const silentAttachTmux = join(dirname(fileURLToPath(import.meta.url)), '__fixtures__', 'silent-attach-tmux.sh');

/** A file the fixture touches once a control client started; the env var points it there. */
export function useAttachMarker(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tmux-orc-attach-'));
  const marker = join(dir, 'attached');
  process.env['TMUX_ORC_TEST_ATTACH_MARKER'] = marker;
  return marker;
}

afterEach(() => {
  const marker = process.env['TMUX_ORC_TEST_ATTACH_MARKER'];
  delete process.env['TMUX_ORC_TEST_ATTACH_MARKER'];
  if (marker !== undefined) rmSync(dirname(marker), { recursive: true, force: true });
});

describe('ControlModeConnection timeouts on a manual clock', () => {
  it('gives up an unanswered attach with TMUX_ATTACH_TIMEOUT exactly when connectTimeoutMs has passed', async () => {
    const sandbox = await useTmuxSandbox();
    const clock = createManualClock();
    const marker = useAttachMarker();
    const childrenBefore = liveChildCount();
    let settled = false;
    const attempt = ControlModeConnection.connect({ server: sandbox.server, tmuxPath: silentAttachTmux, connectTimeoutMs: 5000, timers: clock }).then(
      () => new Error('expected the attach to time out'),
      (error: unknown) => error,
    );
    void attempt.then(() => (settled = true));
    await vi.waitFor(() => expect(existsSync(marker)).toBe(true));
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
