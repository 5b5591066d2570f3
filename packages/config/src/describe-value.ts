import { cutText, describeText, maxShownCharacters } from './cut-text.js';

/**
 * How a found value is shown in a problem: "the string `30`", "`-1`", "a list (2 items)", never
 * longer than about twice {@link maxShownCharacters}: long strings and long key lists are cut.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (value === '') return 'an empty string';
  if (typeof value === 'string') return describeText('string', value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return `\`${cutText(String(value))}\``;
  }
  if (Array.isArray(value)) return `a list (${value.length} ${value.length === 1 ? 'item' : 'items'})`;
  if (typeof value === 'object') return describeMapping(Object.keys(value));
  return `\`${cutText(String(value))}\``;
}

function describeMapping(keys: readonly string[]): string {
  if (keys.length === 0) return 'an empty mapping';
  const listed = keys.slice(0, 10).join(', ');
  if (keys.length <= 10 && listed.length <= maxShownCharacters) return `a mapping with keys ${listed}`;
  return `a mapping with ${keys.length} keys: ${cutText(listed)}${listed.length <= maxShownCharacters ? ', …' : ''}`;
}
