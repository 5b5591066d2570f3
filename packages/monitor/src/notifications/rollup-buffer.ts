import type { WallClock } from '@tmux-orc/clock';
import type { AgentNotification } from './agent-notification.js';

/** Collects a channel's notifications for `rollup_window` and hands them out as one batch. */
export interface RollupBuffer {
  /** Adds a notification about the agent with state key `key`; a newer one about the same agent replaces the older (only what is true now is sent). */
  add(note: AgentNotification, key: string): void;
  /** True when notifications wait and the window since the first of them has passed. */
  due(): boolean;
  /** Everything waiting, oldest first, with each agent's state key; the buffer is empty afterwards. */
  take(): { readonly note: AgentNotification; readonly key: string }[];
  readonly size: number;
}

/** Creates a {@link RollupBuffer}; a window of 0 makes every added notification due at once. */
export function createRollupBuffer(windowMs: number, clock: WallClock): RollupBuffer {
  const waiting = new Map<string, { readonly note: AgentNotification; readonly key: string }>();
  let firstAt: number | null = null;
  return {
    add(note, key) {
      firstAt ??= clock.now();
      waiting.delete(key);
      waiting.set(key, { note, key });
    },
    due: () => firstAt !== null && clock.now() - firstAt >= windowMs,
    take() {
      const entries = [...waiting.values()];
      waiting.clear();
      firstAt = null;
      return entries;
    },
    get size() {
      return waiting.size;
    },
  };
}
