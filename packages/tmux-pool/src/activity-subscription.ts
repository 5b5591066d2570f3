import type { ControlNotification } from './control-protocol.js';
import type { PaneInfo } from './pane-info.js';

/** Name of the one subscription `EventPaneLister` makes on its control client. */
export const activitySubscriptionName = 'tmux-orc-activity';

// Every pane of every session and window: id, dead flag and its window's activity stamp. Pane ids
// (`%N`), `0`/`1` and integers never hold a space or a dot, so the value splits without a nonce.
const ACTIVITY_FORMAT = '#{S:#{W:#{P:#{pane_id}.#{pane_dead}.#{window_activity} }}}';

/**
 * The `refresh-client -B name:what:format` that subscribes to every pane's activity (tmux ≥ 3.2).
 * `what` is empty (the client's session), and the format loops over every session itself, so one
 * subscription covers the server. tmux re-evaluates it about once a second and sends
 * `%subscription-changed` only when the value changed. Passed as one argument, the format is
 * quoted by `toControlLine`, so its `#` cannot start a comment.
 */
export function subscribeActivityArgs(): string[] {
  return ['refresh-client', '-B', `${activitySubscriptionName}::${ACTIVITY_FORMAT}`];
}

/**
 * Notifications after which the set of panes, or what discovery reads of them (names, sessions),
 * may have changed: the lister then lists every pane again. `%unlinked-*` are the same events in
 * sessions other than the client's.
 */
export const structuralNotifications: ReadonlySet<string> = new Set([
  'window-add',
  'window-close',
  'window-renamed',
  'unlinked-window-add',
  'unlinked-window-close',
  'unlinked-window-renamed',
  'sessions-changed',
  'session-renamed',
  'session-window-changed',
  'layout-change',
  'pane-mode-changed',
]);

/** Each pane's `dead.activity` stamp, by pane id, from a subscription value. */
export type ActivityStamps = ReadonlyMap<string, string>;

/**
 * Reads a `%subscription-changed` notification of the activity subscription: its args are
 * `name $session @window index %pane ... : value`. Resolves `undefined` for other notifications.
 */
export function parseActivityNotification(notification: ControlNotification): ActivityStamps | undefined {
  if (notification.name !== 'subscription-changed') return undefined;
  if (!notification.args.startsWith(`${activitySubscriptionName} `)) return undefined;
  const colon = notification.args.indexOf(' : ');
  if (colon === -1) return undefined;
  const stamps = new Map<string, string>();
  for (const entry of notification.args.slice(colon + 3).split(' ')) {
    const dot = entry.indexOf('.');
    if (dot <= 0) continue;
    stamps.set(entry.slice(0, dot), entry.slice(dot + 1));
  }
  return stamps;
}

/** What a subscription value says against the panes last listed. */
export interface ActivityDelta {
  /** Panes whose dead flag or activity stamp differs from their listing. */
  readonly changed: readonly string[];
  /** A pane appeared or went: the set must be listed anew. */
  readonly paneSetChanged: boolean;
}

/** Compares a subscription value with the panes last listed, by id. */
export function compareActivity(stamps: ActivityStamps, listed: ReadonlyMap<string, PaneInfo>): ActivityDelta {
  const changed: string[] = [];
  let paneSetChanged = stamps.size !== listed.size;
  for (const [id, stamp] of stamps) {
    const known = listed.get(id);
    if (known === undefined) paneSetChanged = true;
    else if (stamp !== `${known.dead ? 1 : 0}.${known.windowActivity}`) changed.push(id);
  }
  return { changed, paneSetChanged };
}
