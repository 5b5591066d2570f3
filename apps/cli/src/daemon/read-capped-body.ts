import type { IncomingMessage } from 'node:http';

/** A request body over the cap: answer 413 and stop reading. */
export class BodyTooLargeError extends Error {
  readonly code = 'BODY_TOO_LARGE';

  constructor(readonly maxBytes: number, got: string) {
    super(`Expected a hook body of at most ${maxBytes} bytes, got ${got}`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * Reads a request body of at most `maxBytes`. A `content-length` over the cap rejects before a
 * byte is read; a body that passes the cap while streaming rejects at once and stops reading (the
 * caller answers 413 and closes the connection), so an oversized body costs at most `maxBytes`.
 */
export function readCappedBody(request: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(new BodyTooLargeError(maxBytes, `content-length ${declared}`));
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      request.off('data', onData);
      request.pause();
      reject(new BodyTooLargeError(maxBytes, `more (${size} bytes read so far)`));
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
