/**
 * The one place where tmux arguments are made safe. Everything that sends an argument to tmux goes
 * through `toControlLine` (control mode: one command line parsed by tmux's parser) or `toExecArgv`
 * (exec mode: argv, where tmux still splits commands on a trailing `;`).
 */

// Inside double quotes tmux's parser treats `\`, `"` and `$` specially (`$` expands environment
// variables) and expands a leading `~` to $HOME; control bytes must not reach the line (a newline
// would end the command). `~` and control bytes are written as octal escapes.
const NEEDS_ESCAPE = /[\\"$~\x00-\x1f\x7f]/g;

const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', $: '\\$', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(char: string): string {
  const named = NAMED_ESCAPES[char];
  if (named !== undefined) return named;
  return `\\${char.charCodeAt(0).toString(8).padStart(3, '0')}`;
}

/** Quotes one argument for a tmux command line: a double-quoted string with every special byte escaped. */
export function quoteArgument(arg: string): string {
  return `"${arg.replace(NEEDS_ESCAPE, escapeChar)}"`;
}

/** Turns argv (without the leading `tmux`) into one control-mode command line, without the newline. */
export function toControlLine(args: readonly string[]): string {
  return args.map(quoteArgument).join(' ');
}

/**
 * Makes argv safe for `tmux <args>` run as a process: tmux treats an argument ending in `;` as the end
 * of a command, and `\;` at the end as a literal `;`. Escaping the last `;` keeps every argument literal.
 */
export function toExecArgv(args: readonly string[]): string[] {
  return args.map((arg) => (arg.endsWith(';') ? `${arg.slice(0, -1)}\\;` : arg));
}

/**
 * Escapes `#` so that text given to a format-expanding argument (`display-message -p`, `-F`) is
 * printed as written instead of being expanded (`#{…}`, `#(…)`, `#S`). A run of `#` right before
 * `[` stays as it is: tmux copies such a run verbatim (it starts or escapes a style, `#[…]`/`##[`),
 * so doubling it would print it doubled.
 */
export function escapeFormat(text: string): string {
  return text.replace(/(#+)(\[)?/g, (_match, hashes: string, bracket: string | undefined) =>
    bracket === undefined ? hashes.replaceAll('#', '##') : `${hashes}${bracket}`,
  );
}

/**
 * Escapes text for `display-message`, which expands formats and then passes the result through
 * strftime (`%x` becomes a date), so both `#` and `%` are doubled.
 */
export function escapeMessage(text: string): string {
  return escapeFormat(text).replaceAll('%', '%%');
}
