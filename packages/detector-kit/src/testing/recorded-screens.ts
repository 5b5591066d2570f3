import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { agentStates, observedStates, type ObservedState } from '../agent-state.js';
import { describeValue } from '../describe-value.js';
import { DetectorError } from '../detector-error.js';
import type { DetectorPane } from '../detector-pane.js';

/** One recorded screen: `<state>-<case>.txt`, with the pane facts of its `.json` sidecar when present. */
export interface RecordedScreen {
  /** The file name, e.g. `waiting_input-permission-80x24.txt`. */
  readonly file: string;
  readonly screen: string;
  /** The pane as it was recorded (sidecar `paneCurrentCommand`, `paneTitle`, `paneDead`, …). */
  readonly pane: DetectorPane;
  /** What the detector must answer: the sidecar's `detectorState`, else its `state` or the file name's, `idle` as `no_activity`. */
  readonly expected: ObservedState;
}

type Sidecar = Record<string, unknown>;

function invalid(file: string, what: string, value: unknown): DetectorError {
  return new DetectorError('INVALID_FIXTURE', `Expected ${what} in recorded screen \`${file}\`, got ${describeValue(value)}`);
}

function expectedOf(file: string, sidecar: Sidecar): ObservedState {
  const explicit = sidecar['detectorState'];
  if (explicit !== undefined) {
    if (!observedStates.includes(explicit as ObservedState)) throw invalid(file, `\`detectorState\` to be one of ${observedStates.join(', ')}`, explicit);
    return explicit as ObservedState;
  }
  const state = sidecar['state'] ?? file.slice(0, file.indexOf('-'));
  if (!(agentStates as readonly unknown[]).includes(state)) throw invalid(file, `a state (${agentStates.join(', ')}) as the name’s first word or the sidecar’s \`state\``, state);
  return state === 'idle' ? 'no_activity' : (state as ObservedState);
}

function field<T>(file: string, sidecar: Sidecar, key: string, fallback: T, accept: (value: unknown) => boolean, expected: string): T {
  const value = sidecar[key];
  if (value === undefined) return fallback;
  if (!accept(value)) throw invalid(file, `\`${key}\` to be ${expected}`, value);
  return value as T;
}

function paneOf(file: string, sidecar: Sidecar, base: DetectorPane): DetectorPane {
  const isString = (v: unknown): boolean => typeof v === 'string';
  const orNull = (accept: (v: unknown) => boolean) => (v: unknown) => v === null || accept(v);
  return {
    ...base,
    currentCommand: field(file, sidecar, 'paneCurrentCommand', base.currentCommand, isString, 'a string'),
    title: field(file, sidecar, 'paneTitle', base.title, isString, 'a string'),
    dead: field(file, sidecar, 'paneDead', base.dead, (v) => typeof v === 'boolean', '`true` or `false`'),
    deadStatus: field(file, sidecar, 'paneDeadStatus', base.deadStatus, orNull(Number.isInteger), 'an integer or null'),
    agentOption: field(file, sidecar, 'agentOption', base.agentOption, orNull(isString), 'a string or null'),
    startCommand: field(file, sidecar, 'paneStartCommand', base.startCommand ?? null, orNull(isString), 'a string or null'),
  };
}

/**
 * Reads every `*.txt` screen of `dir` (sorted by name) with its `.json` sidecar when there is one.
 * A sidecar that is not JSON, or a state no agent has, throws `INVALID_FIXTURE` naming the file.
 */
export function readRecordedScreens(dir: string, basePane: DetectorPane): RecordedScreen[] {
  const files = readdirSync(dir).filter((name) => name.endsWith('.txt')).sort();
  return files.map((file) => {
    const sidecarPath = join(dir, file.replace(/\.txt$/u, '.json'));
    let sidecar: Sidecar = {};
    let text: string | undefined;
    try {
      text = readFileSync(sidecarPath, 'utf8');
    } catch {
      // No sidecar: the file name says the state, the base pane the facts.
    }
    if (text !== undefined) {
      const parsed: unknown = (() => {
        try {
          return JSON.parse(text) as unknown;
        } catch (error) {
          throw new DetectorError('INVALID_FIXTURE', `Expected the sidecar of \`${file}\` to be JSON, got: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
      })();
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid(file, 'a JSON object as sidecar', parsed);
      sidecar = parsed as Sidecar;
    }
    return { file, screen: readFileSync(join(dir, file), 'utf8'), pane: paneOf(file, sidecar, basePane), expected: expectedOf(file, sidecar) };
  });
}
