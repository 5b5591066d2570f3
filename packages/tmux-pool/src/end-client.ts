import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { TimerProvider } from '@tmux-orc/clock';

/** When to escalate while ending a client, in ms after its stdin is closed. */
export interface EndClientSchedule {
  readonly terminateAfterMs: number;
  readonly killAfterMs: number;
  readonly timers: TimerProvider;
}

/**
 * Ends a control client: closing its stdin makes tmux detach it cleanly; one that lingers gets
 * SIGTERM, one that ignores that (a client whose server is stopped waits for it) SIGKILL.
 * Resolves once `exited` does, so the child is never left behind.
 */
export async function endClient(child: ChildProcessWithoutNullStreams, exited: Promise<void>, schedule: EndClientSchedule): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  child.stdin.end();
  const { timers } = schedule;
  const terminate = timers.setTimeout(() => child.kill('SIGTERM'), schedule.terminateAfterMs);
  const kill = timers.setTimeout(() => child.kill('SIGKILL'), schedule.killAfterMs);
  try {
    await exited;
  } finally {
    timers.clearTimeout(terminate);
    timers.clearTimeout(kill);
  }
}
