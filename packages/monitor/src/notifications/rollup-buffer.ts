import type { WallClock } from '@tmux-orc/clock';
import type { AgentNotification } from './agent-notification.js';

/** Collects a channel's notifications for `rollup_window` and hands them out as one batch. */
export interface RollupBuffer {
  /** Adds a notification; a newer one about the same agent replaces the older (only what is true now is sent). */
  add(note: AgentNotification): void;
  /** True when notifications wait and the window since the first of them has passed. */
  due(): boolean;
  /** Everything waiting, oldest first; the buffer is empty afterwards. */
  take(): AgentNotification[];
  readonly size: number;
}

/** Creates a {@link RollupBuffer}; a window of 0 makes every added notification due at once. */
export function createRollupBuffer(windowMs: number, clock: WallClock): RollupBuffer {
  const waiting = new Map<string, AgentNotification>();
  let firstAt: number | null = null;
  return {
    add(note) {
      firstAt ??= clock.now();
      waiting.delete(note.agent_id);
      waiting.set(note.agent_id, note);
    },
    due: () => firstAt !== null && clock.now() - firstAt >= windowMs,
    take() {
      const notes = [...waiting.values()];
      waiting.clear();
      firstAt = null;
      return notes;
    },
    get size() {
      return waiting.size;
    },
  };
}
