import type { ChildProcess } from 'node:child_process';

const live = new Set<ChildProcess>();
let hooked = false;

// A control client outliving us would hold a tmux client slot forever; on any exit path of this
// process (including an uncaught error) every child we started is killed synchronously.
function killAll(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

/** Tracks `child` until it exits, so it is killed if this process exits first. */
export function trackChild(child: ChildProcess): void {
  if (!hooked) {
    hooked = true;
    process.once('exit', killAll);
  }
  live.add(child);
  child.once('exit', () => live.delete(child));
}

/** How many control clients this process has running now (for tests and metrics). */
export function liveChildCount(): number {
  return live.size;
}
