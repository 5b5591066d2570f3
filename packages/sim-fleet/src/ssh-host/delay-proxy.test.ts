import { once } from 'node:events';
import { type Socket, connect, createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { expect, test } from 'vitest';
import { startDelayProxy } from './delay-proxy.js';

test('holds each chunk at least delayMs each way and keeps the stream in order', async () => {
  const echo = createServer((socket: Socket) => socket.pipe(socket));
  echo.listen(0, '127.0.0.1');
  await once(echo, 'listening');
  const address = echo.address();
  if (typeof address !== 'object' || address === null) throw new Error('Expected a TCP address');
  const proxy = await startDelayProxy({ address: '127.0.0.1', target: { address: '127.0.0.1', port: address.port }, delayMs: 40 });
  try {
    const client = connect(proxy.port, '127.0.0.1');
    await once(client, 'connect');
    let received = '';
    const started = performance.now();
    let firstAt = 0;
    client.setEncoding('utf8');
    client.on('data', (chunk: string) => {
      if (received === '') firstAt = performance.now();
      received += chunk;
    });
    for (let i = 0; i < 50; i += 1) client.write(`${String(i)},`);
    await expect.poll(() => received.split(',').length, { timeout: 10_000 }).toBe(51);
    expect(received).toBe(Array.from({ length: 50 }, (_, i) => `${String(i)},`).join(''));
    // A lower bound only: a loaded machine can be slower, never faster, than the delay.
    expect(firstAt - started).toBeGreaterThanOrEqual(2 * 40 - 2);
    expect(proxy.connections).toBe(1);
    client.destroy();
  } finally {
    await proxy.close();
    echo.close();
  }
});
