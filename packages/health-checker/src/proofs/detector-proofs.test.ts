import { describe, expect, it } from 'vitest';
import { compareVersions } from './compare-versions.js';
import type { DetectorProof } from './detector-proof.js';
import { provenVersions, versionStanding } from './detector-proofs.js';

const proofs: readonly DetectorProof[] = [
  { detector: 'claude-code', version: '2.1.332', live: ['active'], recorded: ['active'] },
  { detector: 'claude-code', version: '2.1.40', live: ['idle'], recorded: [] },
  { detector: 'claude-code', version: '2.1.500', live: [], recorded: ['idle'] },
  { detector: 'codex', version: '0.171.0', live: [], recorded: ['active'] },
];

describe('versions proven by real screens', () => {
  it('compares versions numerically, not as text', () => {
    expect(compareVersions('2.1.40', '2.1.332')).toBeLessThan(0);
    expect(compareVersions('v2.1.332', '2.1.332-beta.1')).toBe(0);
    expect(compareVersions('10.0.0', '9.9.9')).toBeGreaterThan(0);
  });

  it('rejects what is not a version, naming it', () => {
    expect(() => compareVersions('2.1', '2.1.0')).toThrow('Expected a version like `2.1.330`, got `2.1`');
  });

  it('lists only versions with a live proof, oldest first', () => {
    expect(provenVersions('claude-code', proofs)).toEqual(['2.1.40', '2.1.332']);
    expect(provenVersions('codex', proofs)).toEqual([]);
  });

  it('says a version newer than every proven one is newer, even when only recorded', () => {
    expect(versionStanding('claude-code', '2.1.332', proofs)).toBe('proven');
    expect(versionStanding('claude-code', '2.1.333', proofs)).toBe('newer');
    expect(versionStanding('claude-code', '2.1.500', proofs)).toBe('newer');
    expect(versionStanding('claude-code', '2.1.100', proofs)).toBe('untested');
    expect(versionStanding('codex', '0.171.0', proofs)).toBe('unproven');
    expect(versionStanding('opencode', '1.0.0', proofs)).toBe('unproven');
  });
});
