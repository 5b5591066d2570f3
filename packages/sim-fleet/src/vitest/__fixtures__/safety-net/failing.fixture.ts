import { expect, test } from 'vitest';
import { useTmuxSandbox } from '../../use-tmux-sandbox.js';
import { serverAnswers } from '../../../__fixtures__/server-answers.js';
import { recordSocket, recordedSocket } from './record-socket.js';

test('fails while its sandbox is alive', async () => {
  const sandbox = await useTmuxSandbox();
  recordSocket('failing', sandbox.socketName);
  expect(await sandbox.tmux('list-sessions', '-F', '#{session_name}')).toBe('something else');
});

test('the failed test left no server behind (this worker is still running)', () => {
  expect(serverAnswers(recordedSocket('failing'))).toBe(false);
});
