// CSI (colours, cursor moves), OSC (titles, hyperlinks) and lone two-byte escapes.
// eslint-disable-next-line no-control-regex
const ansiEscape = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

/**
 * Splits a captured screen into lines a detector can read: escape sequences removed, no-break
 * spaces made spaces, trailing spaces and carriage returns cut, trailing empty lines dropped (tmux
 * pads the visible screen).
 */
export function toScreenLines(screen: string): string[] {
  const lines = screen
    .replace(ansiEscape, '')
    .split('\n')
    // Claude Code draws `❯` + a no-break space; evidence reads better, and compares, with a space.
    // trimEnd, not /\s+$/: capture-pane -J keeps trailing spaces, and the regex retries at every
    // position of a long blank run (it took most of a 1000-pane cycle's CPU).
    .map((line) => line.replaceAll('\u00a0', ' ').trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Index of the last line at or before `from` that is not blank, or -1. */
export function lastNonEmptyIndex(lines: readonly string[], from = lines.length - 1): number {
  for (let i = Math.min(from, lines.length - 1); i >= 0; i -= 1) {
    if ((lines[i] ?? '').trim() !== '') return i;
  }
  return -1;
}

/** The last `count` non-blank lines of `lines`, in screen order. */
export function lastNonEmptyLines(lines: readonly string[], count: number): string[] {
  const found: string[] = [];
  for (let i = lines.length - 1; i >= 0 && found.length < count; i -= 1) {
    const line = lines[i] ?? '';
    if (line.trim() !== '') found.unshift(line);
  }
  return found;
}

/** Index of the last line at or before `from` matching `test`, or -1. */
export function findLastIndex(
  lines: readonly string[],
  test: RegExp | ((line: string) => boolean),
  from = lines.length - 1,
): number {
  const matches = typeof test === 'function' ? test : (line: string) => test.test(line);
  for (let i = Math.min(from, lines.length - 1); i >= 0; i -= 1) {
    if (matches(lines[i] ?? '')) return i;
  }
  return -1;
}

/**
 * `line` without trailing spaces, one right box border (`│`) and the spaces before it. Code, not
 * `/\s*│?\s*$/`: that regex retries at every position of a blank run (quadratic on wide screens).
 */
export function withoutRightBorder(line: string): string {
  const trimmed = line.trimEnd();
  return trimmed.endsWith('│') ? trimmed.slice(0, -1).trimEnd() : trimmed;
}

/** `line` up to its first run of two or more spaces (Codex pads an option from its description). */
export function beforeWideGap(line: string): string {
  const gap = /\s\s/u.exec(line);
  return gap === null ? line : line.slice(0, gap.index);
}
