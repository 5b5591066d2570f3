import { compareVersions } from './compare-versions.js';
import type { DetectorProof } from './detector-proof.js';
import { generatedDetectorProofs } from './detector-proofs.generated.js';

/** Every CLI version whose real screens prove a built-in detector (generated from the tests). */
export const detectorProofs: readonly DetectorProof[] = generatedDetectorProofs;

/** Versions of `detector`'s CLI proven live (at least one state), oldest first. */
export function provenVersions(detector: string, proofs: readonly DetectorProof[] = detectorProofs): string[] {
  return proofs
    .filter((proof) => proof.detector === detector && proof.live.length > 0)
    .map((proof) => proof.version)
    .sort(compareVersions);
}

/**
 * How a running CLI's version stands against the proofs of its detector:
 * - `proven`: this very version was proven live;
 * - `newer`: newer than every proven version (its screens may have changed: detection is a guess);
 * - `unproven`: the detector has no live proof at all;
 * - `untested`: older than the newest proven version, but not itself proven.
 */
export type VersionStanding = 'proven' | 'newer' | 'unproven' | 'untested';

/** Where `version` of `detector`'s CLI stands (see {@link VersionStanding}). */
export function versionStanding(detector: string, version: string, proofs: readonly DetectorProof[] = detectorProofs): VersionStanding {
  const proven = provenVersions(detector, proofs);
  const newest = proven.at(-1);
  if (newest === undefined) return 'unproven';
  if (proven.some((candidate) => compareVersions(candidate, version) === 0)) return 'proven';
  return compareVersions(version, newest) > 0 ? 'newer' : 'untested';
}
