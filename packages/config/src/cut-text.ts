/**
 * The most characters of a found value, key or message a problem repeats. A 20 MB value must not
 * come back as 20 MB of error output; 80 characters are enough to recognise it.
 */
export const maxShownCharacters = 80;

/** `text` itself when short, else its first `max` characters and `…` (never half a surrogate pair). */
export function cutText(text: string, max: number = maxShownCharacters): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** "the string `abc`", or "a string of 20971520 characters starting `aaaa…`" when long. */
export function describeText(noun: string, text: string): string {
  if (text.length <= maxShownCharacters) return `the ${noun} \`${text}\``;
  const article = /^[aeiou]/.test(noun) ? 'an' : 'a';
  return `${article} ${noun} of ${text.length} characters starting \`${cutText(text)}\``;
}

/** "`abc`", or "a value of 20971520 characters starting `aaaa…`" when long. */
export function quoteText(text: string): string {
  return text.length <= maxShownCharacters ? `\`${text}\`` : describeText('value', text);
}

/** A dotted key path whose long segments (unknown keys) are cut. */
export function shownKeyPath(path: readonly PropertyKey[]): string {
  return path.map((segment) => cutText(String(segment))).join('.');
}
