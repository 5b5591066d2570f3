/**
 * Which tmux server to talk to: the user's default one, one named by `-L socketName`, or one at
 * `-S socketPath`.
 */
export type TmuxServer =
  | { readonly kind: 'default' }
  | { readonly socketName: string }
  | { readonly socketPath: string };

/** The user's default tmux server (what plain `tmux` talks to). */
export const DEFAULT_TMUX_SERVER: TmuxServer = Object.freeze({ kind: 'default' });

/** The global tmux flags that select `server`, to put before the command. */
export function serverArgs(server: TmuxServer): string[] {
  if ('socketName' in server) return ['-L', server.socketName];
  if ('socketPath' in server) return ['-S', server.socketPath];
  return [];
}

/** A short human description of `server` for messages and logs. */
export function describeServer(server: TmuxServer): string {
  if ('socketName' in server) return `-L ${server.socketName}`;
  if ('socketPath' in server) return `-S ${server.socketPath}`;
  return '(default)';
}
