import { agentStates, builtinDetectors, type AgentDetector, type DetectorProof, detectorProofs } from '@tmux-orc/health-checker';

/** One CLI version and the states its real screens prove. */
export interface VersionStatesJson {
  readonly version: string;
  readonly states: readonly string[];
}

/** One detector as `tmux-orc detectors --json` prints it. */
export interface DetectorJson {
  readonly id: string;
  /** `builtin`, or `plugin` for one loaded from config's `detectors` (tried before the built-ins). */
  readonly source: 'builtin' | 'plugin';
  /** The CLI versions a plugin says its real screens prove (its own claim; empty for built-ins, whose proofs are below). */
  readonly declared_versions: readonly string[];
  /** Versions whose live tests proved states, oldest first. */
  readonly proven_live: readonly VersionStatesJson[];
  /** Versions with recorded real screens (the detector tests classify them), oldest first. */
  readonly recorded: readonly VersionStatesJson[];
  /** States neither proven live nor recorded on any version: the detector's rules for them come from documentation. */
  readonly unproven_states: readonly string[];
}

/** Every state a detector decides (`unknown` is no decision). */
const decided = agentStates.filter((state) => state !== 'unknown');

/**
 * Config's detector `plugins` (their own claims), then the built-in detectors (not the shell
 * fallback) with their proofs, from `proofs` (default: the generated ones).
 */
export function detectorsJson(proofs: readonly DetectorProof[] = detectorProofs, plugins: readonly AgentDetector[] = []): DetectorJson[] {
  const fromPlugins = plugins.map((detector): DetectorJson => ({
    id: detector.id,
    source: 'plugin',
    declared_versions: [...(detector.provenVersions ?? [])],
    proven_live: [],
    recorded: [],
    unproven_states: [],
  }));
  return [...fromPlugins, ...builtinDetectors
    .filter((detector) => detector.id !== 'shell')
    .map((detector) => {
      const own = proofs.filter((proof) => proof.detector === detector.id);
      const seen = new Set(own.flatMap((proof) => [...proof.live, ...proof.recorded]));
      return {
        id: detector.id,
        source: 'builtin' as const,
        declared_versions: [],
        proven_live: own.filter((proof) => proof.live.length > 0).map((proof) => ({ version: proof.version, states: [...proof.live] })),
        recorded: own.filter((proof) => proof.recorded.length > 0).map((proof) => ({ version: proof.version, states: [...proof.recorded] })),
        unproven_states: decided.filter((state) => !seen.has(state)),
      };
    })];
}
