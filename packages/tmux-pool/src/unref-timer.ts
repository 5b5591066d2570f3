import type { TimerHandle } from '@tmux-orc/clock';

/**
 * Lets the process exit while `handle` is pending, when the timer provider's handles support it
 * (Node's do; a manual clock's do not need to).
 */
export function unrefTimer(handle: TimerHandle): void {
  if (typeof handle !== 'object' || handle === null || !('unref' in handle)) return;
  const unref: unknown = handle.unref;
  if (typeof unref === 'function') unref.call(handle);
}
