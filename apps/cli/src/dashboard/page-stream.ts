import type { ServerResponse } from 'node:http';

/** The open `/api/events` streams of the pages, each sent every event. */
export function createPageStreams(heartbeatMs = 15_000) {
  const streams = new Set<ServerResponse>();
  const heartbeat = setInterval(() => streams.forEach((stream) => stream.write(': keep-alive\n\n')), heartbeatMs);
  heartbeat.unref();
  return {
    /** Opens `response` as a text/event-stream; `first` events go to it alone. */
    open(response: ServerResponse, headers: Readonly<Record<string, string>>, first: readonly { event: string; data: string }[]): void {
      response.writeHead(200, { ...headers, 'content-type': 'text/event-stream', connection: 'keep-alive' });
      // `retry` makes the browser reconnect within a second when the dashboard itself restarts.
      response.write('retry: 1000\n\n');
      for (const { event, data } of first) response.write(`event: ${event}\ndata: ${data}\n\n`);
      streams.add(response);
      response.on('close', () => streams.delete(response));
    },
    send(event: string, data: string): void {
      for (const stream of streams) stream.write(`event: ${event}\ndata: ${data}\n\n`);
    },
    get size(): number {
      return streams.size;
    },
    close(): void {
      clearInterval(heartbeat);
      for (const stream of streams) stream.end();
      streams.clear();
    },
  };
}
