import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';
import { tmuxClientEnv } from './run-tmux.js';

/**
 * A tiny `sh` that blocks reading a pipe from this process and kills the tmux server when the
 * pipe closes. It covers the deaths no handler sees (SIGKILL, a crashed or killed test worker):
 * the kernel closes the pipe, `read` returns, the server dies. It runs in its own session so a
 * Ctrl-C to the test run's process group does not take it down first. Zero CPU while waiting.
 */
export interface ServerWatchdog {
  /** Ends the watchdog (it then runs a harmless kill-server on the already dead server). */
  stop(): Promise<void>;
}

const WATCHDOG_SCRIPT = 'read _line; tmux -L "$1" kill-server 2>/dev/null; rm -f "$2"';

/** Starts the watchdog of the tmux server on `socketName` (socket file `socketPath`). */
export function startServerWatchdog(socketName: string, socketPath: string): ServerWatchdog {
  const child = spawn('/bin/sh', ['-c', WATCHDOG_SCRIPT, 'tmux-orc-test-watchdog', socketName, socketPath], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
    env: tmuxClientEnv(),
  });
  // Neither the child nor its pipe may keep the test process alive.
  child.unref();
  (child.stdin as Socket | null)?.unref();
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    // Without a watchdog the exit handlers still kill the server; nothing more to do here.
    child.once('error', () => resolve());
  });
  return {
    async stop() {
      // Hold the event loop until the watchdog has exited, or a plain Node script ends mid-kill.
      child.ref();
      child.stdin?.end();
      await exited;
    },
  };
}
