import { once } from 'node:events';
import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { silentLogger } from '@tmux-orc/tmux-pool';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventStreams, type EventStreams } from './event-streams.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  if (server !== undefined) await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** A real HTTP server on 127.0.0.1 whose every request becomes an event-stream client. */
async function serve(streams: EventStreams): Promise<number> {
  server = createServer((_request, response) => streams.add(response));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

async function connect(port: number): Promise<IncomingMessage> {
  const response = await new Promise<IncomingMessage>((resolve, reject) => get({ host: '127.0.0.1', port, path: '/events' }, resolve).on('error', reject));
  return response;
}

async function until(test: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !test(); i += 1) await sleep(25);
  expect(test(), what).toBe(true);
}

const event = `{"agent":"work:1.0","from":"active","to":"idle","evidence":"${'x'.repeat(300)}"}`;

describe('event streams', () => {
  it('keeps a client that reads through a burst larger than the unread bound, written in one turn (1000 agents going idle at once)', async () => {
    const streams = createEventStreams({ logger: silentLogger, maxBufferedBytes: 64 * 1024 });
    const port = await serve(streams);
    const client = await connect(port);
    let received = 0;
    client.on('data', (chunk: Buffer) => (received += chunk.toString().split('event: transition').length - 1));
    await until(() => streams.size === 1, 'the client connected');
    for (let i = 0; i < 1000; i += 1) streams.send('transition', event); // ≈ 370 KB at once
    await until(() => received === 1000, 'every transition read');
    expect(streams.dropped).toBe(0);
    expect(streams.size).toBe(1);
  });

  it('drops a client that stopped reading once what it left unread from earlier turns passes the bound', async () => {
    const streams = createEventStreams({ logger: silentLogger, maxBufferedBytes: 64 * 1024 });
    const port = await serve(streams);
    const stalled = await connect(port);
    stalled.pause();
    stalled.socket.pause();
    await until(() => streams.size === 1, 'the client connected');
    for (let turn = 0; turn < 200 && streams.dropped === 0; turn += 1) {
      for (let i = 0; i < 100; i += 1) streams.send('transition', event);
      await sleep(10);
    }
    expect(streams.dropped).toBe(1);
    expect(streams.size).toBe(0);
  });
});
