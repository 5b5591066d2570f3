/** `'text'` for a POSIX shell: single quotes, each inner one as `'\''`. */
export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

/**
 * The command a person runs (inside tmux) to jump to a pane: `tmux -L work switch-client -t 'sess:1.0'`.
 * `serverLabel` is the monitor's label of the pane's server: `-L name`, `-S path` or `(default)`.
 */
export function jumpCommand(serverLabel: string, target: string): string {
  const socket = /^-([LS]) (.+)$/.exec(serverLabel);
  const server = socket === null ? '' : ` -${socket[1] ?? 'L'} ${shellQuote(socket[2] ?? '')}`;
  return `tmux${server} switch-client -t ${shellQuote(target)}`;
}
