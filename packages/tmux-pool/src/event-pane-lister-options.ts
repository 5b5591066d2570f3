import type { TimerProvider } from '@tmux-orc/clock';
import type { Logger } from './logger.js';
import type { PaneListerOptions } from './pane-lister.js';
import type { TmuxServer } from './server.js';

/** Options of `EventPaneLister`. */
export interface EventPaneListerOptions extends PaneListerOptions {
  /** The server the runner talks to: the lister opens its own control client on it to subscribe. */
  readonly server: TmuxServer;
  /** Every pane is listed anew at least this often (ms), whatever tmux reported: the safety net. Default 60 000. */
  readonly fullListingMs?: number;
  /** False lists every pane every time (the polling fallback), as on a tmux without subscriptions. Default true. */
  readonly subscriptions?: boolean;
  /**
   * Called when tmux reported a change, so a caller can look now instead of at its next tick, and
   * decide from what changed whether that is worth a look now (see {@link PaneChange}).
   */
  readonly onChange?: (change: PaneChange) => void;
  readonly tmuxPath?: string;
  /** How long the lister's own client may take to answer (ms). Default 5000. */
  readonly commandTimeoutMs?: number;
  readonly timers?: TimerProvider;
  readonly logger?: Logger;
}

/** What tmux reported, as `EventPaneLister` passes it to `onChange`. */
export interface PaneChange {
  /** Panes whose activity stamp or dead flag moved (empty when only the structure changed). */
  readonly paneIds: readonly string[];
  /** A pane or window appeared, closed or was renamed, or a session changed: the set itself may differ. */
  readonly structural: boolean;
}

/** Default of {@link EventPaneListerOptions.fullListingMs}. */
export const defaultFullListingMs = 60_000;

/** What an `EventPaneLister` did so far. */
export interface EventPaneListerStats {
  /** `events` while subscribed; `polling` when it lists every pane every time (see `fallbackReason`). */
  readonly mode: 'events' | 'polling';
  readonly fallbackReason: string | null;
  /** `list-panes -a` runs: at start, after structural notifications, by the safety net, or each call when polling. */
  readonly fullListings: number;
  /** Single-window `list-panes -t` runs, one per pane tmux said printed or died. */
  readonly paneRelists: number;
}
