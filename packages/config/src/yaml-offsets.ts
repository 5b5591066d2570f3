import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

/**
 * Finds where a key path sits in a parsed document. Each mapping's keys are indexed on first use,
 * so locating every one of n unknown keys costs O(n), not O(n²) as a scan per lookup did.
 */
export function createOffsetFinder(doc: Document): (path: readonly PropertyKey[], target: 'key' | 'value') => number | undefined {
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, key: string): Pair | undefined => {
    let index = indexes.get(map);
    if (index === undefined) {
      index = new Map();
      for (const item of map.items) {
        if (isPair(item) && isScalar(item.key) && !index.has(String(item.key.value))) index.set(String(item.key.value), item);
      }
      indexes.set(map, index);
    }
    return index.get(key);
  };
  return (path, target) => {
    let node: unknown = doc.contents;
    let keyNode: Node | undefined;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = pairOf(node, String(segment));
        if (pair === undefined) break;
        keyNode = isScalar(pair.key) ? pair.key : undefined;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
        keyNode = undefined;
        node = node.items[segment];
      } else {
        break;
      }
    }
    // An empty value (`key:`) has a zero-width range after the key; point at the key instead.
    const empty = isScalar(node) && node.range !== undefined && node.range !== null && node.range[0] === node.range[1];
    const valueOffset = empty ? undefined : rangeStart(node);
    if (target === 'key' || valueOffset === undefined) return rangeStart(keyNode) ?? valueOffset;
    return valueOffset;
  };
}

function rangeStart(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined;
  const range = (node as { range?: readonly number[] | null }).range;
  return range?.[0];
}
