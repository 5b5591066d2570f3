/**
 * Keeps one argument whole when it is passed on tmux's command line.
 *
 * tmux splits its argv into commands at arguments that end in `;` (that is how `tmux a \; b`
 * works), so a shell command such as `make;` or a typed text ending in `;` would be cut in two.
 * tmux reads a trailing `\;` as a literal `;`.
 */
export function tmuxArgument(value: string): string {
  return value.endsWith(';') ? `${value.slice(0, -1)}\\;` : value;
}

/** `-e NAME=value` pairs for `new-session` / `new-window`. */
export function environmentArguments(env: Readonly<Record<string, string>> | undefined): string[] {
  if (env === undefined) return [];
  return Object.entries(env).flatMap(([name, value]) => ['-e', tmuxArgument(`${name}=${value}`)]);
}

/** `-c dir` for `new-session` / `new-window`. */
export function cwdArguments(cwd: string | undefined): string[] {
  return cwd === undefined ? [] : ['-c', tmuxArgument(cwd)];
}

/** The trailing command of `new-session` / `new-window`, if any. */
export function commandArguments(command: string | undefined): string[] {
  return command === undefined ? [] : [tmuxArgument(command)];
}
