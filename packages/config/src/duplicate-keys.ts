import { isMap, isScalar, visit, type Document, type Scalar } from 'yaml';

/**
 * The keys that repeat a key earlier in the same mapping, in document order. The `yaml` package's
 * own check (`uniqueKeys`) compares each key with every earlier one, which made a 16 000-key
 * mapping take seconds and a 20 MB file minutes; a set per mapping is linear. Keys compare by
 * scalar value as `yaml` compares them (`1` and `"1"` differ).
 */
export function findDuplicateKeys(doc: Document): Scalar[] {
  const duplicates: Scalar[] = [];
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return;
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        if (seen.has(pair.key.value)) duplicates.push(pair.key);
        else seen.add(pair.key.value);
      }
    },
  });
  return duplicates;
}
