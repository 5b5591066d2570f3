/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** `checkInterval`, `check-interval`, `Check_Interval` -> `check_interval`. */
export function normalizeKey(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[-\s]+/g, '_')
    .toLowerCase();
}

/**
 * The candidate closest to `key`, if it is close enough to be a plausible typo: spelling variants
 * (camelCase, kebab-case) match exactly, otherwise the edit distance must be at most a third of
 * the key's length (and at least 2 edits are always tolerated), or the key must be the start of
 * exactly one candidate.
 */
export function closestKey(key: string, candidates: readonly string[]): string | undefined {
  const wanted = normalizeKey(key);
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const normalized = normalizeKey(candidate);
    // The distance is at least the length difference: a 1 MB key is never measured in full.
    if (Math.abs(normalized.length - wanted.length) > limit) continue;
    const distance = editDistance(wanted, normalized);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (bestDistance <= limit) return best;
  // A truncated key (`monitor`, `notification`) names the key it starts.
  if (wanted.length < 4) return undefined;
  const extended = candidates.filter((c) => normalizeKey(c).startsWith(wanted));
  return extended.length === 1 ? extended[0] : undefined;
}
