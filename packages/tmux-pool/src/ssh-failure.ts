import { type TmuxServer, describeHost } from './server.js';

/** ssh's own exit status: it failed (could not connect, authenticate, or lost the connection). */
const SSH_FAILED = 255;

/**
 * Why ssh itself failed for a remote `server` (`ssh: connect to host box port 22: Connection
 * refused`), from a finished process's exit code and stderr; undefined for a local server or when
 * ssh ran the remote command (then tmux's own exit code came back).
 */
export function sshFailure(server: TmuxServer, exitCode: number | null | undefined, stderr: string): string | undefined {
  if (server.ssh === undefined || exitCode !== SSH_FAILED) return undefined;
  const text = stderr.trim().split('\n').filter(Boolean).at(-1) ?? 'ssh failed';
  return `host ${describeHost(server.ssh)} unreachable: ${text}`;
}
