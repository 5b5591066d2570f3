/** A path into the configuration: object keys and array indexes. */
export type KeyPath = readonly (string | number)[];

/** `['monitoring', 'async', 'pool']` -> `monitoring.async.pool`. */
export function formatKeyPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** True for `{…}` values (not arrays, not null, not class instances). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The value at `path`, or `undefined` when any step is missing. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isPlainObject(node) && typeof segment !== 'symbol') node = node[String(segment)];
    else return undefined;
  }
  return node;
}

/**
 * Every leaf's dotted path with its value. Plain objects are walked; everything else (scalars,
 * arrays, null) is a leaf. An empty object is a leaf too, so it still has a source.
 */
export function listLeaves(root: unknown, prefix = ''): [string, unknown][] {
  if (!isPlainObject(root)) return [[prefix, root]];
  const keys = Object.keys(root);
  if (keys.length === 0 && prefix !== '') return [[prefix, root]];
  return keys.flatMap((key) => listLeaves(root[key], prefix === '' ? key : `${prefix}.${key}`));
}
