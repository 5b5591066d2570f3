import { test } from 'vitest';
import { createTmuxSandbox } from '../../../tmux-sandbox.js';
import { recordSocket } from './record-socket.js';

test('forgets to kill its sandbox', async () => {
  const sandbox = await createTmuxSandbox();
  recordSocket('leaked', sandbox.socketName);
});
