/** What one notification channel did since the monitor started: for status and `/metrics`. */
export interface ChannelStats {
  readonly channel: string;
  readonly type: 'desktop' | 'webhook' | 'command';
  /** Messages delivered (a roll-up counts once). */
  readonly sent: number;
  /** Messages given up: retries exhausted, a failing command, nowhere to show, a full queue, or the monitor stopped. */
  readonly dropped: number;
  /** Attempts after the first (webhooks). */
  readonly retries: number;
  /** Desktop messages shown with tmux `display-message` because `notify-send` was missing or failed. */
  readonly fallbacks: number;
  /** Notifications (one agent each) not sent, by reason. */
  readonly suppressed: { readonly cooldown: number; readonly budget: number; readonly quiet: number };
  /** Notifications waiting for their roll-up window. */
  readonly pending: number;
}
