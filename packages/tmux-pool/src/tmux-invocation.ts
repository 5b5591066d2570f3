import { sshCommandArgs } from './ssh-command.js';
import { type TmuxServer, serverArgs } from './server.js';

/** A process to start: the file and its arguments. */
export interface TmuxInvocation {
  readonly file: string;
  readonly args: string[];
}

/**
 * How to run `tmux <server flags> …args` for `server`: `tmuxPath` itself on this machine, or
 * `ssh … host 'tmux' …` for a server on another host (`tmuxPath` is then the remote binary). The
 * one place every tmux process (control client, probe, exec command) gets its command prefix.
 */
export function tmuxInvocation(tmuxPath: string, server: TmuxServer, args: readonly string[]): TmuxInvocation {
  const tmuxArgs = [...serverArgs(server), ...args];
  if (server.ssh === undefined) return { file: tmuxPath, args: tmuxArgs };
  // `-u`: a session over ssh rarely has a UTF-8 locale, and then tmux prints a tab or any non-ASCII
  // character of a format or screen as `_`.
  return { file: server.ssh.sshPath ?? 'ssh', args: sshCommandArgs(server.ssh, [tmuxPath, '-u', ...tmuxArgs]) };
}
