/**
 * Compiles a glob (`*` any run of characters, `?` one character, everything else literal) into a
 * regular expression that must match the whole text.
 */
export function globToRegExp(glob: string, flags = ''): RegExp {
  const source = [...glob]
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, flags);
}

/** True when `text` matches one of `globs` as a whole. */
export function matchesAnyGlob(text: string, globs: readonly string[]): boolean {
  return globs.some((glob) => globToRegExp(glob).test(text));
}
