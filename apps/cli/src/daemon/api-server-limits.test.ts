import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDefaultConfig, type Config } from '@tmux-orc/config';
import { createMonitor } from '@tmux-orc/monitor';
import { useTmuxSandbox } from '@tmux-orc/testkit';
import { describe, expect, it, onTestFinished } from 'vitest';
import { observeOnly } from '../shared/observe-only.js';
import { createPaneFieldReader } from '../shared/pane-fields.js';
import { createApiServer } from './api-server.js';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

async function useApi(): Promise<string> {
  const sandbox = await useTmuxSandbox();
  const dir = mkdtempSync(join(tmpdir(), 'tmux-orc-api-limits-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const config: Config = observeOnly({ ...createDefaultConfig(dir), servers: [{ socket_name: sandbox.socketName }] });
  const monitor = createMonitor(config, { logger: silent });
  const socketPath = join(dir, 'api.sock');
  const api = createApiServer({ monitor, socketPath, logger: silent, source: 'daemon', servers: config.servers, paneCwds: createPaneFieldReader(config, '#{pane_current_path}') });
  onTestFinished(async () => {
    await api.close();
    await monitor.stop();
  });
  await api.listen();
  return socketPath;
}

/** Sends raw HTTP, writing `bodyBytes` of body in 64 KiB chunks unless the answer comes first; never ends the body. */
function rawRequest(socketPath: string, head: string, bodyBytes: number): Promise<{ answer: string; sent: number }> {
  return new Promise((resolve, reject) => {
    let answer = '';
    let sent = 0;
    const socket = connect({ path: socketPath }, () => {
      socket.write(head);
      const data = Buffer.alloc(64 * 1024, 'a');
      const chunk = head.includes('chunked') ? Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')]) : data;
      const pump = (): void => {
        while (sent < bodyBytes && answer === '') {
          sent += data.length;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
      };
      pump();
    });
    socket.on('data', (data: Buffer) => {
      answer += data.toString();
      if (answer.includes('\r\n\r\n')) {
        socket.destroy();
        resolve({ answer, sent });
      }
    });
    socket.on('error', (error) => (answer === '' ? reject(error) : undefined));
    setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within 10 s after ${sent} body bytes`));
    }, 10_000).unref();
  });
}

function call(socketPath: string, method: string, path: string): Promise<{ status: number; allow: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path, method }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, allow: response.headers.allow, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the API refuses oversized hook bodies and wrong methods', () => {
  it('a declared 20 MB body answers 413 before a byte of it is read', async () => {
    const socketPath = await useApi();
    const { answer, sent } = await rawRequest(socketPath, 'POST /hooks/claude-code HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 20971520\r\n\r\n', 0);
    expect(sent).toBe(0);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.toLowerCase()).toContain('connection: close');
  });

  it('a chunked body that passes 1 MiB answers 413 at once, without waiting for its end', async () => {
    const socketPath = await useApi();
    const { answer, sent } = await rawRequest(socketPath, 'POST /hooks/claude-code HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n', 20 * 1024 * 1024);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    // The answer came while the 20 MB body was still being sent (kernel buffers hold a few hundred KiB).
    expect(sent).toBeLessThan(4 * 1024 * 1024);
  });

  it('a wrong method on a known path answers 405 with Allow; an unknown path 404', async () => {
    const socketPath = await useApi();
    expect(await call(socketPath, 'GET', '/hooks/claude-code')).toMatchObject({ status: 405, allow: 'POST', body: expect.stringContaining('Expected POST /hooks/claude-code, got GET /hooks/claude-code') });
    for (const path of ['/status', '/metrics', '/events']) expect(await call(socketPath, 'DELETE', path), path).toMatchObject({ status: 405, allow: 'GET' });
    expect((await call(socketPath, 'GET', '/nope')).status).toBe(404);
  });
});
