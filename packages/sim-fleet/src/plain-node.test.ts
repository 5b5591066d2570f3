import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import { serverAnswers } from './__fixtures__/server-answers.js';

const packageDir = dirname(fileURLToPath(new URL('../package.json', import.meta.url)));
const script = fileURLToPath(new URL('./__fixtures__/plain-node/sandbox-script.ts', import.meta.url));

function runScript(mode: string) {
  return execa(process.execPath, ['--import', 'tsx', script, mode], { cwd: packageDir, reject: false });
}

describe('a sandbox in a plain Node process (not vitest)', () => {
  test('kill() completes and the process ends normally', async () => {
    const run = await runScript('kill');
    const [socketName = '', said] = run.stdout.split('\n');
    expect({ exitCode: run.exitCode, said }).toEqual({ exitCode: 0, said: 'killed' });
    expect(serverAnswers(socketName)).toBe(false);
  });

  test('a forgotten sandbox is killed when the process exits', async () => {
    const run = await runScript('leak');
    expect(run.exitCode).toBe(0);
    await expect.poll(() => serverAnswers(run.stdout.trim()), { timeout: 3000 }).toBe(false);
  });

  test('SIGTERM kills the sandbox and still ends the process by SIGTERM', async () => {
    const child = execa(process.execPath, ['--import', 'tsx', script, 'wait'], { cwd: packageDir, reject: false });
    const socketName = await new Promise<string>((resolve) => {
      child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    });
    expect(serverAnswers(socketName)).toBe(true);
    child.kill('SIGTERM');
    const run = await child;
    expect(run.signal).toBe('SIGTERM');
    await expect.poll(() => serverAnswers(socketName), { timeout: 3000 }).toBe(false);
  });
});
