import { formatKeyPath, isPlainObject } from './key-path.js';

/** Where a value can come from, lowest precedence first. */
export type ConfigSource =
  | 'default'
  | 'cli'
  | `profile:${string}`
  | `file:${string}`
  | `env:${string}`;

/** A 1-based position in a file. */
export interface FilePosition {
  readonly line: number;
  readonly column: number;
}

/** One layer of configuration values with what is needed to point back at it. */
export interface ConfigLayer {
  readonly source: ConfigSource;
  /** A plain object with (some of) the configuration keys. */
  readonly data: Record<string, unknown>;
  /** The file the layer was read from. */
  readonly file?: string;
  /** How problems name {@link file} (the path as the user gave it); defaults to `file`. */
  readonly label?: string;
  /** The environment variable the layer was read from. */
  readonly envVar?: string;
  /** Finds the position of a key (`key`) or of its value (`value`) in the layer's file. */
  readonly locate?: (path: readonly PropertyKey[], target: 'key' | 'value') => FilePosition | undefined;
}

/** The merged value and, for every path a layer set, the index of the last layer that set it. */
export interface MergedLayers {
  readonly value: Record<string, unknown>;
  readonly origins: Map<string, number>;
}

/**
 * Deep-merges layers in order, later wins. Plain objects merge key by key; anything else
 * (scalars, arrays, null) replaces what was there. `undefined` values are ignored, so a partial
 * object with unset flags can be passed as is.
 */
export function mergeLayers(layers: readonly ConfigLayer[]): MergedLayers {
  const value: Record<string, unknown> = {};
  const origins = new Map<string, number>();
  layers.forEach((layer, index) => mergeInto(value, layer.data, [], index, origins));
  return { value, origins };
}

function mergeInto(
  target: Record<string, unknown>,
  patch: Record<string, unknown>,
  path: string[],
  index: number,
  origins: Map<string, number>,
): void {
  for (const [key, next] of Object.entries(patch)) {
    if (next === undefined) continue;
    const childPath = [...path, key];
    const current = target[key];
    if (isPlainObject(next) && isPlainObject(current)) {
      mergeInto(current, next, childPath, index, origins);
      continue;
    }
    const id = formatKeyPath(childPath);
    // Only a replaced mapping has origins below it; walking it (not every origin) keeps merging linear.
    if (isPlainObject(current)) forgetOriginsBelow(current, id, origins);
    target[key] = structuredClone(next);
    origins.set(id, index);
  }
}

function forgetOriginsBelow(replaced: Record<string, unknown>, id: string, origins: Map<string, number>): void {
  for (const [key, child] of Object.entries(replaced)) {
    const childId = `${id}.${key}`;
    origins.delete(childId);
    if (isPlainObject(child)) forgetOriginsBelow(child, childId, origins);
  }
}

/** The layer that set `path` (or the closest enclosing path a layer set), if any. */
export function originOf(
  origins: ReadonlyMap<string, number>,
  path: readonly PropertyKey[],
): number | undefined {
  for (let length = path.length; length > 0; length -= 1) {
    const index = origins.get(formatKeyPath(path.slice(0, length)));
    if (index !== undefined) return index;
  }
  return undefined;
}
