/** How a found value is shown in a problem: "the string `30`", "`-1`", "a list (2 items)". */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (value === '') return 'an empty string';
  if (typeof value === 'string') return `the string \`${value}\``;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return `\`${String(value)}\``;
  }
  if (Array.isArray(value)) return `a list (${value.length} ${value.length === 1 ? 'item' : 'items'})`;
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length === 0 ? 'an empty mapping' : `a mapping with keys ${keys.join(', ')}`;
  }
  return `\`${String(value)}\``;
}
