import type { PaneInfo } from './pane-info.js';

function sameOptions(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => Object.hasOwn(right, key) && left[key] === right[key]);
}

/**
 * True when two listings of a pane say the same thing, field by field (user options by value): a
 * lister then keeps the record it had, so that what callers derived from it (discovery, a strategy's
 * plan) stays valid without being derived again.
 */
export function samePaneRecord(a: PaneInfo, b: PaneInfo): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof PaneInfo)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => a[key] === b[key] || (key === 'userOptions' && sameOptions(a[key], b[key])));
}
