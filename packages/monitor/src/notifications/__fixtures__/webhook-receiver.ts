import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A real HTTP server on 127.0.0.1 that records each request and answers as `behaviour` says. */
export interface WebhookReceiver extends AsyncDisposable {
  readonly url: string;
  readonly requests: { readonly path: string; readonly headers: IncomingMessage['headers']; readonly body: string }[];
}

/** `ok`: 204; `fail`: 500; a number: that status; `hang`: never answers (until the receiver closes). */
export async function startWebhookReceiver(behaviour: 'ok' | 'fail' | 'hang' | number): Promise<WebhookReceiver> {
  const requests: WebhookReceiver['requests'][number][] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      requests.push({ path: request.url ?? '', headers: request.headers, body });
      if (behaviour === 'hang') hanging.add(response);
      else response.writeHead(behaviour === 'ok' ? 204 : behaviour === 'fail' ? 500 : behaviour).end();
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    async [Symbol.asyncDispose]() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise((closed) => server.close(closed));
    },
  };
}
