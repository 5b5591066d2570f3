import { execa } from 'execa';
import type { MonotonicClock } from '@tmux-orc/clock';

/** The pane's process and its direct children (the shell and the Claude Code it started). */
export async function paneProcessIds(panePid: number): Promise<number[]> {
  const { stdout } = await execa('ps', ['-o', 'pid=', '--ppid', String(panePid)], { reject: false });
  const children = stdout
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((pid) => Number.isInteger(pid) && pid > 0);
  return [panePid, ...children];
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits until every pid has exited, at most `timeoutMs`, then SIGKILLs what is left. Claude Code
 * keeps writing into its HOME while it shuts down, so its directories can only go after this.
 */
export async function waitForExit(pids: readonly number[], clock: MonotonicClock, timeoutMs = 5000): Promise<void> {
  const deadline = clock.now() + timeoutMs;
  while (pids.some(isRunning) && clock.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  for (const pid of pids.filter(isRunning)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Exited in between.
    }
  }
}
