import type { ServerResponse } from 'node:http';
import type { Logger } from '@tmux-orc/tmux-pool';

/** Options of {@link createEventStreams}. */
export interface EventStreamsOptions {
  readonly logger: Logger;
  /**
   * Most bytes a client may leave unread from earlier turns of the event loop (its response's
   * `writableLength`: Node's buffer plus the socket's) before it is dropped. What one turn writes
   * (a cycle where 1000 agents went idle: ~400 KB) does not count until the client had a turn to
   * read it. Default 256 KiB: hundreds of transitions, so a client that reads at all never comes near it.
   */
  readonly maxBufferedBytes?: number;
}

/** The `GET /events` clients: server-sent events to each, a slow reader dropped instead of buffered without end. */
export interface EventStreams {
  /** Starts streaming to `response` (headers and the opening comment are written here). */
  add(response: ServerResponse): void;
  /** Writes one event (`event:` and `data:` lines) to every client. */
  send(event: string, data: string): void;
  /** Writes a comment line to every client (the keep-alive). */
  comment(text: string): void;
  /** Clients connected now. */
  readonly size: number;
  /** Clients dropped since start because they did not read. */
  readonly dropped: number;
  /** Ends every stream. */
  endAll(): void;
}

/**
 * Creates the set of event-stream clients. A client that stops reading would make every event
 * pile up in the daemon's memory (200 stalled clients: 128 → 432 MB in 70 s), so a write to a
 * client that left more than `maxBufferedBytes` unread since an earlier turn drops it (`destroy`),
 * counts it and logs it. Bytes written in the same turn are not held against it: the monitor emits
 * a cycle's transitions at once, and a burst of 1000 must not drop a client that reads.
 */
export function createEventStreams(options: EventStreamsOptions): EventStreams {
  const maxBufferedBytes = options.maxBufferedBytes ?? 256 * 1024;
  const streams = new Set<ServerResponse>();
  let dropped = 0;
  /** Each client's unread bytes at this turn's first write to it; cleared when the turn ends. */
  const unreadAtTurnStart = new Map<ServerResponse, number>();

  const unreadBefore = (stream: ServerResponse): number => {
    if (unreadAtTurnStart.size === 0) setImmediate(() => unreadAtTurnStart.clear());
    const known = unreadAtTurnStart.get(stream);
    if (known !== undefined) return known;
    unreadAtTurnStart.set(stream, stream.writableLength);
    return stream.writableLength;
  };

  const write = (stream: ServerResponse, chunk: string): void => {
    if (unreadBefore(stream) > maxBufferedBytes) {
      streams.delete(stream);
      dropped += 1;
      options.logger.warn('event stream client dropped: it left too much unread', { unread_bytes: stream.writableLength, max_bytes: maxBufferedBytes, dropped_total: dropped });
      stream.destroy();
      return;
    }
    stream.write(chunk);
  };

  return {
    add(response) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      response.write(': tmux-orc transitions\n\n');
      streams.add(response);
      response.on('close', () => streams.delete(response));
    },
    send(event, data) {
      const chunk = `event: ${event}\ndata: ${data}\n\n`;
      for (const stream of streams) write(stream, chunk);
    },
    comment(text) {
      for (const stream of streams) write(stream, `: ${text}\n\n`);
    },
    get size() {
      return streams.size;
    },
    get dropped() {
      return dropped;
    },
    endAll() {
      for (const stream of streams) stream.end();
      streams.clear();
    },
  };
}
