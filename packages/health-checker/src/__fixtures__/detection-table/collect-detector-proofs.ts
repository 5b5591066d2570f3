import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AgentState, agentStates } from '../../agent-state.js';
import type { DetectorProof } from '../../proofs/detector-proof.js';
import { compareVersions } from '../../proofs/compare-versions.js';
import type { LiveProofRecord } from '../live/live-proofs.js';

/** `packages/health-checker/src/__fixtures__`. */
export const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), '..');

const VERSIONED_FOLDER = /^(?<detector>[a-z][a-z-]*?)-(?<version>\d+\.\d+\.\d+)$/u;
const DOCUMENTED_FOLDER = /^(?<detector>[a-z][a-z-]*)-documented$/u;

/** The states of the `<state>-<case>….txt` screens in `dir`, in `agentStates` order. */
function screenStates(dir: string): AgentState[] {
  const prefixes = new Set(readdirSync(dir).filter((name) => name.endsWith('.txt')).map((name) => name.split('-')[0]));
  return agentStates.filter((state) => prefixes.has(state));
}

/** What the fixture corpus and the live records prove, and which detectors have documented screens only. */
export interface CollectedProofs {
  readonly proofs: readonly DetectorProof[];
  /** `<detector>@<version>` → state → how many live cases proved it (at every size). */
  readonly liveCases: Readonly<Record<string, Readonly<Partial<Record<AgentState, number>>>>>;
  /** Detector → states whose screens were assembled from documentation (not recordings). */
  readonly documented: Readonly<Record<string, readonly AgentState[]>>;
}

/**
 * Reads every `<detector>-<version>/` folder of real screens (recorded states) and every live
 * record in `proofs/` (states proven live), one {@link DetectorProof} per detector and version.
 */
export function collectDetectorProofs(dir = fixturesDir): CollectedProofs {
  const byKey = new Map<string, { detector: string; version: string; live: AgentState[]; recorded: AgentState[] }>();
  const entry = (detector: string, version: string) => {
    const key = `${detector}@${version}`;
    const found = byKey.get(key) ?? { detector, version, live: [], recorded: [] };
    byKey.set(key, found);
    return found;
  };
  const documented: Record<string, AgentState[]> = {};
  const liveCases: Record<string, Partial<Record<AgentState, number>>> = {};
  for (const folder of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const versioned = VERSIONED_FOLDER.exec(folder.name)?.groups;
    if (versioned?.['detector'] !== undefined && versioned['version'] !== undefined) {
      entry(versioned['detector'], versioned['version']).recorded = screenStates(join(dir, folder.name));
    }
    const docs = DOCUMENTED_FOLDER.exec(folder.name)?.groups?.['detector'];
    if (docs !== undefined) documented[docs] = screenStates(join(dir, folder.name));
  }
  for (const name of readdirSync(join(dir, 'proofs')).filter((file) => file.endsWith('.json')).sort()) {
    const record = JSON.parse(readFileSync(join(dir, 'proofs', name), 'utf8')) as LiveProofRecord;
    const proved = new Set(Object.entries(record.states).filter(([, keys]) => (keys ?? []).length > 0).map(([state]) => state));
    entry(record.detector, record.version).live = agentStates.filter((state) => proved.has(state));
    liveCases[`${record.detector}@${record.version}`] = Object.fromEntries(Object.entries(record.states).map(([state, keys]) => [state, (keys ?? []).length]));
  }
  const proofs = [...byKey.values()].sort((a, b) => a.detector.localeCompare(b.detector) || compareVersions(a.version, b.version));
  return { proofs, documented, liveCases };
}
