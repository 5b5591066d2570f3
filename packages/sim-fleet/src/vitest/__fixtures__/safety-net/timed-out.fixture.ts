import { expect, test } from 'vitest';
import { useTmuxSandbox } from '../../use-tmux-sandbox.js';
import { serverAnswers } from '../../../__fixtures__/server-answers.js';
import { recordSocket, recordedSocket } from './record-socket.js';

test('times out while its sandbox is alive', async () => {
  const sandbox = await useTmuxSandbox();
  recordSocket('timed-out', sandbox.socketName);
  await new Promise(() => {
    // Never settles: vitest gives up after the timeout below.
  });
}, 500);

test('the timed-out test left no server behind (this worker is still running)', () => {
  expect(serverAnswers(recordedSocket('timed-out'))).toBe(false);
});
