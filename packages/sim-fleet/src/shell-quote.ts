/** Quotes `value` as one POSIX sh word (single quotes; embedded `'` as `'\''`). */
export function shellQuote(value: string): string {
  return /^[\w@%+:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}
