import type * as z from 'zod';
import { durationBoundsOf, type DurationBounds } from './duration.js';

// Walks zod's definitions (`_zod.def`) to answer "which keys are valid here?" for did-you-mean.
type Def = {
  readonly type: string;
  readonly shape?: Record<string, z.core.$ZodType>;
  readonly element?: z.core.$ZodType;
  readonly valueType?: z.core.$ZodType;
  readonly innerType?: z.core.$ZodType;
  readonly in?: z.core.$ZodType;
  readonly options?: readonly z.core.$ZodType[];
};

function defOf(schema: z.core.$ZodType): Def {
  return schema._zod.def as unknown as Def;
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (inner === undefined) return current;
    current = inner;
  }
}

/** The schemas that can appear at `path` (several for unions). */
function schemasAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): z.core.$ZodType[] {
  let current = [unwrap(schema)];
  for (const segment of path) {
    const next: z.core.$ZodType[] = [];
    for (const candidate of current.flatMap(expandUnion)) {
      const def = defOf(candidate);
      if (def.type === 'object' && typeof segment === 'string' && def.shape?.[segment] !== undefined) {
        next.push(unwrap(def.shape[segment]));
      } else if (def.type === 'array' && def.element !== undefined) {
        next.push(unwrap(def.element));
      } else if (def.type === 'record' && def.valueType !== undefined) {
        next.push(unwrap(def.valueType));
      }
    }
    current = next;
  }
  return current.flatMap(expandUnion);
}

function expandUnion(schema: z.core.$ZodType): z.core.$ZodType[] {
  const def = defOf(schema);
  return def.type === 'union' && def.options !== undefined ? def.options.map(unwrap) : [schema];
}

/** Keys an object at `path` may have (the union of all variants' keys for unions). */
export function knownKeysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  const keys = new Set<string>();
  for (const candidate of schemasAt(schema, path)) {
    const shape = defOf(candidate).shape;
    if (defOf(candidate).type === 'object' && shape !== undefined) {
      for (const key of Object.keys(shape)) keys.add(key);
    }
  }
  return [...keys];
}

const keyPathsBySchema = new WeakMap<z.core.$ZodType, string[][]>();

/** Every key path of fixed objects in the schema (arrays and records are not entered); computed once per schema. */
export function allKeyPaths(schema: z.core.$ZodType): string[][] {
  let paths = keyPathsBySchema.get(schema);
  if (paths === undefined) {
    paths = keyPathsUnder(schema, []);
    keyPathsBySchema.set(schema, paths);
  }
  return paths;
}

function keyPathsUnder(schema: z.core.$ZodType, prefix: readonly string[]): string[][] {
  const root = unwrap(schema);
  const def = defOf(root);
  if (def.type !== 'object' || def.shape === undefined) return [];
  return Object.entries(def.shape).flatMap(([key, child]) => {
    const path = [...prefix, key];
    return [path, ...keyPathsUnder(child, path)];
  });
}

/** The bounds of the duration at `path`, when the key there is a duration. */
export function durationBoundsAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): DurationBounds | undefined {
  for (const candidate of schemasAt(schema, path)) {
    const bounds = durationBoundsOf(candidate);
    if (bounds !== undefined) return bounds;
  }
  return undefined;
}
