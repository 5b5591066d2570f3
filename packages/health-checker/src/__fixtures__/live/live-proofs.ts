import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AgentState } from '../../agent-state.js';
import type { LiveCase } from './live-expectations.js';

/** Where the live tests keep what they proved: one `<detector>-<version>.json` per CLI version. */
export const proofsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'proofs');

/** One CLI version's live proof: each state with the live cases that showed the checker right on it. */
export interface LiveProofRecord {
  /** The detector's id (`claude-code`, `codex`, `gemini`). */
  readonly detector: string;
  /** The CLI version the real screens came from. */
  readonly version: string;
  /** Terminal sizes every counted case passed at. */
  readonly sizes: readonly string[];
  /** State → case keys (sorted) that proved it live at every size. */
  readonly states: Readonly<Partial<Record<AgentState, readonly string[]>>>;
}

/** The state a live case proves when it passes. */
export function provedState(liveCase: LiveCase): AgentState {
  return liveCase.expect.kind === 'reaches' ? liveCase.expect.state : 'idle';
}

/** Collects which live cases passed at which size, then writes or checks the record. */
export interface LiveProofs {
  /** Notes that `liveCase` ran at `size` (e.g. `120x40`) and whether it passed. */
  ran(liveCase: LiveCase, size: string, passed: boolean): void;
  /** The record this run proves: cases that passed at every size. */
  record(): LiveProofRecord;
  /**
   * With `TMUX_ORC_WRITE_PROOFS=1` writes the record; otherwise, when every case ran at every size,
   * returns the states the stored record claims that this run did not prove (empty when it holds).
   */
  finish(): readonly string[];
}

/** The file of one CLI version's record. */
export function proofFile(detector: string, version: string, dir = proofsDir): string {
  return join(dir, `${detector}-${version}.json`);
}

/** Reads a stored record, or `undefined` when this version has none yet. */
export function readProofRecord(detector: string, version: string, dir = proofsDir): LiveProofRecord | undefined {
  try {
    return JSON.parse(readFileSync(proofFile(detector, version, dir), 'utf8')) as LiveProofRecord;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw cause;
  }
}

/**
 * Starts collecting the live proof of `detector` at `version` over `cases` run at `sizes`.
 * The record only ever claims what a run showed: a rewrite is deliberate (`TMUX_ORC_WRITE_PROOFS=1`,
 * which `pnpm screens:record` sets), and every other full run checks the stored claims still hold.
 */
export function createLiveProofs(detector: string, version: string, cases: readonly LiveCase[], sizes: readonly string[], dir = proofsDir): LiveProofs {
  const results = new Map<string, Map<string, boolean>>();
  const record = (): LiveProofRecord => {
    const states: Partial<Record<AgentState, string[]>> = {};
    for (const liveCase of cases) {
      const bySize = results.get(liveCase.key);
      if (!sizes.every((size) => bySize?.get(size) === true)) continue;
      const state = provedState(liveCase);
      states[state] = [...(states[state] ?? []), liveCase.key].sort();
    }
    const sorted = Object.fromEntries(Object.entries(states).sort(([a], [b]) => a.localeCompare(b)));
    return { detector, version, sizes: [...sizes], states: sorted };
  };
  return {
    ran(liveCase, size, passed) {
      const bySize = results.get(liveCase.key) ?? new Map<string, boolean>();
      bySize.set(size, passed);
      results.set(liveCase.key, bySize);
    },
    record,
    finish() {
      const proved = record();
      if (process.env['TMUX_ORC_WRITE_PROOFS'] === '1') {
        writeFileSync(proofFile(detector, version, dir), `${JSON.stringify(proved, null, 2)}\n`);
        return [];
      }
      const complete = cases.every((liveCase) => sizes.every((size) => results.get(liveCase.key)?.has(size) === true));
      const stored = readProofRecord(detector, version, dir);
      if (!complete || stored === undefined) return [];
      return Object.entries(stored.states).flatMap(([state, keys]) =>
        (keys ?? []).filter((key) => !(proved.states[state as AgentState] ?? []).includes(key)).map((key) => `${state} (${key})`),
      );
    },
  };
}

/** Runs one live case's checks and notes in `proofs` whether they passed at `size`. */
export async function provingCase(proofs: LiveProofs | undefined, liveCase: LiveCase, size: string, checks: () => Promise<void>): Promise<void> {
  let passed = false;
  try {
    await checks();
    passed = true;
  } finally {
    proofs?.ran(liveCase, size, passed);
  }
}
