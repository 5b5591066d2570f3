import { request } from 'node:http';

/** Why no answer came: nobody listens on the socket (no daemon), or it failed. */
export type ApiAnswer<T> = { readonly ok: true; readonly body: T } | { readonly ok: false; readonly reason: 'absent' | 'failed'; readonly message: string };

/** Sends one request to the daemon's API on `socketPath` and parses a JSON (or text) answer. */
export function callApi<T>(socketPath: string, path: string, options: { method?: string; body?: string; timeoutMs?: number; text?: boolean } = {}): Promise<ApiAnswer<T>> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path, method: options.method ?? 'GET', timeout: options.timeoutMs ?? 5000, headers: { 'content-type': 'application/json' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if ((response.statusCode ?? 500) >= 300) {
          resolve({ ok: false, reason: 'failed', message: `${path} answered ${response.statusCode}: ${text.trim()}` });
          return;
        }
        try {
          resolve({ ok: true, body: (options.text === true ? text : JSON.parse(text)) as T });
        } catch (error) {
          resolve({ ok: false, reason: 'failed', message: `${path} answered text that is not JSON: ${String(error)}` });
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs ?? 5000} ms`)));
    req.on('error', (error: NodeJS.ErrnoException) => {
      const absent = error.code === 'ENOENT' || error.code === 'ECONNREFUSED';
      resolve({ ok: false, reason: absent ? 'absent' : 'failed', message: `${socketPath}: ${error.message}` });
    });
    req.end(options.body);
  });
}
