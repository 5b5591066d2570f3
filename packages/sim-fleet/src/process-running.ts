import { readFileSync } from 'node:fs';

/**
 * Whether process `pid` still runs. A zombie counts as gone: the tmux server daemonizes, so its
 * parent is PID 1, and some container inits reap only every few seconds.
 */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // /proc/<pid>/stat: "pid (comm) state …"; comm may contain spaces or parentheses.
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    // No procfs (not Linux) or the process vanished in between: trust kill(0).
    return true;
  }
}
