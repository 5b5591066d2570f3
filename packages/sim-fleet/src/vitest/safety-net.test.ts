import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { expect, test } from 'vitest';
import { serverAnswers } from '../__fixtures__/server-answers.js';
import { tempDir } from '../__fixtures__/temp-dir.js';

const fixtures = fileURLToPath(new URL('./__fixtures__/safety-net/', import.meta.url));
const vitestBin = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

interface JsonReport {
  testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
}

test('servers die when their test fails, times out, forgets kill() or its worker is SIGKILLed', async () => {
  const results = tempDir('tmux-orc-safety-net-');
  const report = join(results, 'report.json');
  const run = await execa(process.execPath, [vitestBin, 'run', '--config', 'vitest.config.ts', '--reporter=json', `--outputFile=${report}`], {
    cwd: fixtures,
    env: { SAFETY_NET_RESULTS: results },
    reject: false,
  });

  const outcomes = new Map<string, string>();
  for (const file of (JSON.parse(readFileSync(report, 'utf8')) as JsonReport).testResults) {
    for (const result of file.assertionResults) outcomes.set(result.title, result.status);
  }
  // The fixtures really failed, timed out and passed as meant, and each checked itself in-process.
  expect(outcomes.get('times out while its sandbox is alive')).toBe('failed');
  expect(outcomes.get('the timed-out test left no server behind (this worker is still running)')).toBe('passed');
  expect(outcomes.get('fails while its sandbox is alive')).toBe('failed');
  expect(outcomes.get('the failed test left no server behind (this worker is still running)')).toBe('passed');
  expect(outcomes.get('forgets to kill its sandbox')).toBe('passed');
  expect(run.exitCode).not.toBe(0);

  const labels = ['timed-out', 'failing', 'leaked', 'sigkilled'];
  const sockets = labels.map((label) => readFileSync(join(results, `${label}.txt`), 'utf8'));
  expect(sockets.every((name) => name.startsWith('tmux-orc-test-'))).toBe(true);
  // The watchdog notices a SIGKILLed worker within milliseconds; poll briefly for it.
  await expect.poll(() => sockets.filter(serverAnswers), { timeout: 5000 }).toEqual([]);
}, 60_000);
