import { execFileSync } from 'node:child_process';
import { tmuxClientEnv } from '../run-tmux.js';

/** Whether a tmux server answers on socket `socketName` (`tmux -L <socketName> ls` succeeds). */
export function serverAnswers(socketName: string): boolean {
  try {
    execFileSync('tmux', ['-L', socketName, 'list-sessions'], { stdio: 'ignore', env: tmuxClientEnv() });
    return true;
  } catch {
    return false;
  }
}
