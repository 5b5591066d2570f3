// Run by plain-node.test.ts with `node --import tsx`: a sandbox in a process that is not vitest.
// argv[2]: `kill` (kill it, then end), `leak` (end without killing it), `wait` (wait for a signal).
import { createTmuxSandbox } from '../../tmux-sandbox.js';

const mode = process.argv[2];
const sandbox = await createTmuxSandbox();
process.stdout.write(`${sandbox.socketName}\n`);
if (mode === 'kill') {
  await sandbox.kill();
  process.stdout.write('killed\n');
} else if (mode === 'wait') {
  setInterval(() => undefined, 1000);
}
