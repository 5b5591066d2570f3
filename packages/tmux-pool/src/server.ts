import type { SshTarget } from './ssh-target.js';

/**
 * Which tmux server to talk to: the user's default one, one named by `-L socketName`, or one at
 * `-S socketPath` — on this machine, or with `ssh` on another host (every tmux client then runs
 * there, over OpenSSH).
 */
export type TmuxServer =
  | { readonly kind: 'default'; readonly ssh?: SshTarget }
  | { readonly socketName: string; readonly ssh?: SshTarget }
  | { readonly socketPath: string; readonly ssh?: SshTarget };

/** The user's default tmux server (what plain `tmux` talks to). */
export const DEFAULT_TMUX_SERVER: TmuxServer = Object.freeze({ kind: 'default' });

/** The global tmux flags that select `server`, to put before the command (on the server's own host). */
export function serverArgs(server: TmuxServer): string[] {
  if ('socketName' in server) return ['-L', server.socketName];
  if ('socketPath' in server) return ['-S', server.socketPath];
  return [];
}

/** `user@box` or `user@box:2222`: the host part of a remote server's description. */
export function describeHost(ssh: SshTarget): string {
  return ssh.port === undefined ? ssh.host : `${ssh.host}:${String(ssh.port)}`;
}

/**
 * A short human description of `server` for messages, logs and agent ids: `-L work`, `-S /tmp/s`,
 * `(default)`; on another host `box -L work`, `box:2222 -S /tmp/s`, or `box` for its default server.
 */
export function describeServer(server: TmuxServer): string {
  const local = 'socketName' in server ? `-L ${server.socketName}` : 'socketPath' in server ? `-S ${server.socketPath}` : '(default)';
  if (server.ssh === undefined) return local;
  const host = describeHost(server.ssh);
  return local === '(default)' ? host : `${host} ${local}`;
}
