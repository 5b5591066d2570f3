import type { PaneInfo } from '@tmux-orc/tmux-pool';

/** One signal tmux reports about a pane, with its freshness. */
export interface SignalReading {
  readonly value: string;
  /** Wall time (ms) of the first listing that showed this value: how long it has held. */
  readonly since: number;
  /** Wall time (ms) of the latest listing that showed it. */
  readonly seenAt: number;
}

/**
 * The signals besides the screen the monitor keeps per pane, each with its age: the pane title
 * (Codex and Gemini CLI write their state there), the foreground process, and tmux's record of
 * the window's last output.
 */
export interface PaneSignals {
  readonly title: SignalReading;
  /**
   * `pane_current_command`. The monitor's `PaneLister` asks it only of panes that printed since its
   * last listing and of every pane each 10 s: `seenAt` is the listing, the value may be that old.
   */
  readonly currentCommand: SignalReading;
  /** `window_activity`, seconds since the epoch: moves whenever the window prints. */
  readonly windowActivity: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function next(previous: SignalReading | undefined, value: string, now: number): SignalReading {
  if (previous === undefined || previous.value !== value) return { value, since: now, seenAt: now };
  (previous as Mutable<SignalReading>).seenAt = now;
  return previous;
}

/**
 * The signals of a pane after one more listing at wall time `now`. A pane whose signals did not
 * change keeps its objects (only `seenAt` moves): every cycle reads every pane, and three new
 * objects per pane per cycle were garbage for nothing on a fleet of 1000.
 */
export function nextSignals(previous: PaneSignals | undefined, pane: Pick<PaneInfo, 'title' | 'currentCommand' | 'windowActivity'>, now: number): PaneSignals {
  const title = next(previous?.title, pane.title, now);
  const currentCommand = next(previous?.currentCommand, pane.currentCommand, now);
  if (previous !== undefined && previous.title === title && previous.currentCommand === currentCommand && previous.windowActivity === pane.windowActivity) return previous;
  return { title, currentCommand, windowActivity: pane.windowActivity };
}
