import { type Server, type Socket, connect, createServer } from 'node:net';

/** A TCP proxy that holds every chunk `delayMs` before passing it on, both ways. */
export interface DelayProxy {
  readonly address: string;
  readonly port: number;
  /** Connections open now. */
  readonly connections: number;
  /** Stops listening and cuts every connection. */
  close(): Promise<void>;
}

/** Options of {@link startDelayProxy}. */
export interface DelayProxyOptions {
  /** Where to listen (the port is picked by the kernel). */
  readonly address: string;
  /** Where to connect for each accepted connection. */
  readonly target: { readonly address: string; readonly port: number };
  /** One-way delay per chunk in ms: a round trip costs twice this. */
  readonly delayMs: number;
}

// Chunks are held in arrival order and released by one timer each with the same delay, so the
// stream keeps its order; an end is delayed like data, so nothing in flight is cut off.
function pipeDelayed(from: Socket, to: Socket, delayMs: number): void {
  from.on('data', (chunk: Buffer) => {
    setTimeout(() => {
      if (!to.destroyed) to.write(chunk);
    }, delayMs);
  });
  from.on('end', () => setTimeout(() => to.end(), delayMs));
  from.on('error', () => to.destroy());
  from.on('close', () => setTimeout(() => to.destroy(), delayMs + 1));
}

/**
 * Starts a delaying proxy: the kernel here has no netem, so latency for SSH tests comes from this
 * (5, 50, 150 ms one way…). Loopback only; no other traffic shaping.
 */
export function startDelayProxy(options: DelayProxyOptions): Promise<DelayProxy> {
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(options.target.port, options.target.address);
    for (const socket of [client, upstream]) {
      socket.setNoDelay(true);
      open.add(socket);
      socket.once('close', () => open.delete(socket));
    }
    pipeDelayed(client, upstream, options.delayMs);
    pipeDelayed(upstream, client, options.delayMs);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, options.address, () => {
      const bound = server.address();
      const port = typeof bound === 'object' && bound !== null ? bound.port : 0;
      resolve({
        address: options.address,
        port,
        get connections() {
          return Math.floor(open.size / 2);
        },
        close: () =>
          new Promise<void>((done) => {
            for (const socket of open) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
