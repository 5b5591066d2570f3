import type { ConfigEnv } from '@tmux-orc/config';

/** What a command (and the daemon run in the foreground) reads and writes, injected so it can run in-process in tests. */
export interface CommandIo {
  readonly env: ConfigEnv;
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** The real process streams and environment. */
export function processIo(): CommandIo {
  return {
    env: process.env,
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
}
