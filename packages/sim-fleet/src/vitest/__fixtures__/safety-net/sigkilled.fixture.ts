import { test } from 'vitest';
import { createTmuxSandbox } from '../../../tmux-sandbox.js';
import { recordSocket } from './record-socket.js';

test('its worker dies by SIGKILL: no handler runs', async () => {
  const sandbox = await createTmuxSandbox();
  recordSocket('sigkilled', sandbox.socketName);
  process.kill(process.pid, 'SIGKILL');
});
