import { createServer, type Server, type ServerResponse } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceEvent } from './dashboard-source.js';
import { createSseRelay, type SseRelay } from './sse-relay.js';

/** A stand-in for the daemon's `/events` on a Unix socket, that can go away and come back. */
async function eventServer(socketPath: string): Promise<{ server: Server; streams: Set<ServerResponse> }> {
  const streams = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(': hello\n\n');
    streams.add(response);
    request.on('close', () => streams.delete(response));
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return { server, streams };
}

const stop = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

async function until(test: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100 && !test(); i += 1) await new Promise((r) => setTimeout(r, 50));
  if (!test()) throw new Error(`Expected ${what} within 5 s`);
}

describe('createSseRelay', () => {
  let relay: SseRelay | undefined;
  let dir = '';
  afterEach(async () => {
    relay?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('relays transitions, says when the daemon goes away, and reconnects when it is back', async () => {
    dir = await mkdtemp(join(tmpdir(), 'tmux-orc-relay-'));
    const socketPath = join(dir, 'monitor.sock');
    const events: SourceEvent[] = [];
    relay = createSseRelay({ socketPath, onEvent: (event) => events.push(event), retryMs: 50 });
    await until(() => events.some((e) => e.type === 'upstream' && !e.up), 'a first "down" (nobody listens yet)');

    let daemon = await eventServer(socketPath);
    await until(() => daemon.streams.size === 1, 'the relay to connect');
    for (const stream of daemon.streams) stream.write('event: transition\ndata: {"agentId":"%1","to":"idle"}\n\n');
    await until(() => events.some((e) => e.type === 'transition'), 'the transition');

    await stop(daemon.server);
    await rm(socketPath, { force: true });
    daemon = await eventServer(socketPath);
    await until(() => daemon.streams.size === 1, 'the relay to reconnect to the restarted daemon');
    for (const stream of daemon.streams) stream.write('event: transition\ndata: {"agentId":"%1","to":"active"}\n\n');
    await until(() => events.filter((e) => e.type === 'transition').length === 2, 'the second transition');
    relay.close(); // closed by us: no further "down"
    await stop(daemon.server);

    expect(events.map((e) => (e.type === 'upstream' ? `upstream ${e.up}` : `transition ${e.data}`))).toEqual([
      'upstream false',
      'upstream true',
      'transition {"agentId":"%1","to":"idle"}',
      'upstream false',
      'upstream true',
      'transition {"agentId":"%1","to":"active"}',
    ]);
  });
});
