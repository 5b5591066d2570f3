import { LayeredCacheError } from './layered-cache-error.js';

/**
 * Default size estimate: a string's length, otherwise the length of its JSON.
 * Never below 1, so every entry counts against `maxSize`.
 */
export function estimateSize(value: unknown): number {
  if (typeof value === 'string') return Math.max(1, value.length);
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    // Circular structures and BigInts have no JSON; count them as one unit rather than fail a write.
    json = undefined;
  }
  return Math.max(1, json?.length ?? 1);
}

/** Wraps a `sizeOf` so that a bad answer fails loudly, naming the layer and key. */
export function checkedSizeOf<Value>(
  layer: string,
  sizeOf: (value: Value) => number,
): (value: Value, key: string) => number {
  return (value, key) => {
    const size = sizeOf(value);
    if (!Number.isSafeInteger(size) || size < 1) {
      throw new LayeredCacheError(
        'INVALID_SIZE',
        `Expected \`layers.${layer}.sizeOf\` to return a positive integer for key \`${key}\`, got \`${String(size)}\``,
      );
    }
    return size;
  };
}
