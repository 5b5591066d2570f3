import type { NotificationChannelConfig } from '@tmux-orc/config';
import type { Logger } from '@tmux-orc/tmux-pool';
import type { AbortableSleep, ChannelSender } from './channel-sender.js';
import { redactUrl } from './redact-url.js';
import { slackPayload } from './slack-payload.js';

type WebhookChannel = Extract<NotificationChannelConfig, { type: 'webhook' }>;

/** Answers worth another attempt: the receiver's trouble (5xx), too many requests, a request timeout. */
const retryable = (status: number): boolean => status >= 500 || status === 429 || status === 408;

/**
 * POSTs each message as JSON (the versioned `json` shape, or Slack's `text`/`blocks`). An attempt
 * that times out, fails to connect or gets a retryable status is retried `retries` times after
 * `backoff`, doubling; then the message is dropped with a log line. The URL is logged redacted.
 */
export function createWebhookSender(channel: WebhookChannel, name: string, logger: Logger, sleep: AbortableSleep): ChannelSender {
  const where = redactUrl(channel.url);
  return {
    async send(message, signal) {
      const body = JSON.stringify(channel.format === 'slack' ? slackPayload(message) : message);
      let last = '';
      for (let attempt = 0; attempt <= channel.retries; attempt += 1) {
        if (attempt > 0) await sleep(channel.backoff * 1000 * 2 ** (attempt - 1), signal);
        if (signal.aborted) {
          last = 'the monitor stopped';
          return dropped(attempt);
        }
        try {
          const response = await fetch(channel.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'user-agent': 'tmux-orc', ...channel.headers },
            body,
            signal: AbortSignal.any([signal, AbortSignal.timeout(channel.timeout * 1000)]),
          });
          await response.arrayBuffer().catch(() => undefined);
          if (response.ok) return { delivered: true, retries: attempt, fallback: false };
          last = `HTTP ${response.status}`;
          if (!retryable(response.status)) return dropped(attempt);
        } catch (error) {
          if (signal.aborted) {
            last = 'the monitor stopped';
            return dropped(attempt);
          }
          last = describeFailure(error, channel.timeout);
        }
      }
      return dropped(channel.retries);

      function dropped(retries: number): { delivered: false; retries: number; fallback: false } {
        logger.warn('webhook notification dropped', { channel: name, url: where, attempts: retries + 1, error: last, agents: message.notifications.length });
        return { delivered: false, retries, fallback: false };
      }
    },
  };
}

/** `timed out after 5 s`, `connection refused`: why an attempt failed, without the URL fetch puts in its messages. */
function describeFailure(error: unknown, timeoutSeconds: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `timed out after ${timeoutSeconds} s`;
  const cause = error instanceof Error ? error.cause : undefined;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : undefined;
  return code ?? (error instanceof Error ? error.name : 'failed');
}
