// Globs come from the config (a few dozen at most); the bound only guards against a caller that
// builds globs from data. Expressions are never `g`/`y`, so a shared one holds no state between tests.
const MAX_COMPILED = 256;
const compiled = new Map<string, RegExp>();

/**
 * Compiles a glob (`*` any run of characters, `?` one character, everything else literal) into a
 * regular expression that must match the whole text.
 */
export function globToRegExp(glob: string, flags = ''): RegExp {
  // Discovery matches every pane against the config's globs every cycle: compile each glob once.
  const key = `${flags}\0${glob}`;
  const known = compiled.get(key);
  if (known !== undefined) return known;
  if (compiled.size >= MAX_COMPILED) compiled.clear();
  const source = [...glob]
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const regExp = new RegExp(`^${source}$`, flags);
  compiled.set(key, regExp);
  return regExp;
}

/** True when `text` matches one of `globs` as a whole. */
export function matchesAnyGlob(text: string, globs: readonly string[]): boolean {
  return globs.some((glob) => globToRegExp(glob).test(text));
}
