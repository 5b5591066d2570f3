import { LayeredCacheError } from './layered-cache-error.js';

/**
 * What `invalidate` removes: one key (a string), every key starting with a prefix
 * (`{ prefix }`, an object so it cannot be mistaken for a key), or every key a predicate accepts.
 */
export type InvalidateTarget = string | { readonly prefix: string } | ((key: string) => boolean);

/** Turns a target into a key test. */
export function toKeyMatcher(layer: string, target: InvalidateTarget): (key: string) => boolean {
  if (typeof target === 'string') return (key) => key === target;
  if (typeof target === 'function') return target;
  if (typeof target === 'object' && target !== null && typeof target.prefix === 'string') {
    const { prefix } = target;
    return (key) => key.startsWith(prefix);
  }
  throw new LayeredCacheError(
    'INVALID_OPTION',
    `Expected the target of \`invalidate("${layer}", …)\` to be a key, \`{ prefix }\` or a predicate, got \`${typeof target}\``,
  );
}
