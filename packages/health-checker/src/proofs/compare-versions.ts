import { HealthCheckerError } from '../health-checker-error.js';

const VERSION = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/u;

/** `[major, minor, patch]` of a `x.y.z` version (a `v` prefix and a pre-release tail are ignored). */
export function parseVersion(version: string): readonly [number, number, number] {
  const match = VERSION.exec(version.trim());
  if (match === null) {
    throw new HealthCheckerError('INVALID_OPTION', `Expected a version like \`2.1.330\`, got \`${version}\``);
  }
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Negative when `a` is older than `b`, 0 when equal, positive when newer. */
export function compareVersions(a: string, b: string): number {
  const left = parseVersion(a);
  const right = parseVersion(b);
  for (let at = 0; at < 3; at += 1) {
    const diff = (left[at] ?? 0) - (right[at] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
