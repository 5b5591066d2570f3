import type { NotificationMessage } from './notification-message.js';

/** What became of one message. */
export interface SendOutcome {
  /** False when it was dropped (after its retries, or the monitor stopped). */
  readonly delivered: boolean;
  /** Attempts after the first. */
  readonly retries: number;
  /** True when a desktop channel fell back from `notify-send` to tmux `display-message`. */
  readonly fallback: boolean;
}

/** Delivers a channel's messages somewhere. */
export interface ChannelSender {
  /** Sends one message; resolves with its outcome and never rejects (failures are logged). */
  send(message: NotificationMessage, signal: AbortSignal): Promise<SendOutcome>;
}

/** Waits `ms`, or less when `signal` aborts; injectable so tests decide how long a backoff takes. */
export type AbortableSleep = (ms: number, signal: AbortSignal) => Promise<void>;
