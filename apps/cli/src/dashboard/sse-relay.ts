import { request, type ClientRequest } from 'node:http';
import { createSseParser } from './sse-parser.js';
import type { SourceEvent } from './dashboard-source.js';

/** Options of {@link createSseRelay}. */
export interface SseRelayOptions {
  /** The daemon's Unix socket. */
  readonly socketPath: string;
  readonly onEvent: (event: SourceEvent) => void;
  /** Wait before reconnecting after the stream ends or fails (default 500 ms: a restarted daemon is seen within a second). */
  readonly retryMs?: number;
  readonly timers?: { setTimeout(callback: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
}

/** A relay of the daemon's `GET /events`: reconnects by itself until closed. */
export interface SseRelay {
  close(): void;
}

/**
 * Follows the daemon's event stream on its Unix socket and hands each `transition` on. When the
 * stream ends (the daemon stopped or restarted) it says `upstream down` once, retries every
 * `retryMs`, and says `upstream up` when a stream is open again (events of the gap are lost:
 * the dashboard's status poll fills them in).
 */
export function createSseRelay(options: SseRelayOptions): SseRelay {
  const retryMs = options.retryMs ?? 500;
  const timers = options.timers ?? { setTimeout: (cb: () => void, ms: number) => setTimeout(cb, ms), clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout) };
  let closed = false;
  let up: boolean | null = null;
  let current: ClientRequest | null = null;
  let retry: unknown = null;

  const say = (now: boolean, error?: string): void => {
    if (up === now) return;
    up = now;
    options.onEvent(error === undefined ? { type: 'upstream', up: now } : { type: 'upstream', up: now, error });
  };
  const again = (error: string): void => {
    current = null;
    if (closed) return;
    say(false, error);
    retry = timers.setTimeout(connect, retryMs);
  };
  function connect(): void {
    retry = null;
    if (closed) return;
    // A failing stream can report both `error` and `end`: retry once per connection.
    let ended = false;
    const lost = (error: string): void => {
      if (ended) return;
      ended = true;
      again(error);
    };
    const req = request({ socketPath: options.socketPath, path: '/events', headers: { accept: 'text/event-stream' } }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        lost(`GET /events answered ${response.statusCode ?? 'nothing'}`);
        return;
      }
      say(true);
      response.setEncoding('utf8');
      const feed = createSseParser((event) => {
        if (event.event === 'transition') options.onEvent({ type: 'transition', data: event.data });
      });
      response.on('data', feed);
      response.on('end', () => lost('the daemon ended its event stream'));
      response.on('error', (error) => lost(error.message));
    });
    req.on('error', (error) => lost(error.message));
    req.end();
    current = req;
  }
  connect();
  return {
    close() {
      closed = true;
      if (retry !== null) timers.clearTimeout(retry);
      current?.destroy();
    },
  };
}
