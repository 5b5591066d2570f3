
/** How a shell command ended. */
export interface ShellCommandResult {
  /** Killed (with its whole process group) after its timeout. */
  readonly timedOut: boolean;
  /** Exited non-zero, was killed, or could not start. */
  readonly failed: boolean;
  readonly exitCode: number | null;
  /** The first 500 characters of its stderr. */
  readonly stderr: string;
}

/** Runs a user's shell command; injectable so tests can observe or replace it. */
export type ShellCommandRunner = (command: string, input: string, env: Readonly<Record<string, string>>, timeoutMs: number) => Promise<ShellCommandResult>;

/**
 * The default {@link ShellCommandRunner}: `sh -c command` via execa with `input` on stdin, in its own
 * process group, so a command that outlives its timeout is killed with everything it started (a
 * `sleep` it spawned would otherwise hold the pipes open). Never rejects.
 */
export const runShellCommand: ShellCommandRunner = async (command, input, env, timeoutMs) => {
  // Loaded on first use: most daemons never run a shell command (execa ≈6 MB resident).
  const { execa } = await import('execa');
  const child = execa(command, { shell: true, input, env, detached: true, reject: false, stdout: 'ignore', stderr: 'pipe' });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // The group already ended.
    }
  }, timeoutMs);
  const result = await child.finally(() => clearTimeout(timer));
  return { timedOut, failed: result.failed, exitCode: result.exitCode ?? null, stderr: String(result.stderr).slice(0, 500) };
};
