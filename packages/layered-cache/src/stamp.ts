/**
 * A version marker stored with an entry, e.g. a pane's `window_activity`.
 * An entry is valid only for the stamp it was stored with.
 */
export type Stamp = string | number;

/**
 * Whether an entry stored with `stored` may answer a request for `wanted`.
 * A request without a stamp accepts any entry; a stamped request needs the same stamp.
 */
export function stampMatches(stored: Stamp | undefined, wanted: Stamp | undefined): boolean {
  return wanted === undefined || stored === wanted;
}
