/**
 * Says what a value is, for error messages: `undefined`, `a string (\`x\`)`, `a function`,
 * `an array`, `an object with keys: bar, foo` (sorted), `an object with no keys`, `a Promise`.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'string') return `a string (\`${JSON.stringify(value)}\`)`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return `a ${typeof value} (\`${String(value)}\`)`;
  }
  if (typeof value === 'symbol') return 'a symbol';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof (value as { then?: unknown }).then === 'function') return 'a Promise';
  const keys = Object.keys(value).sort();
  return keys.length === 0 ? 'an object with no keys' : `an object with keys: ${keys.join(', ')}`;
}
