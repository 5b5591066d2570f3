import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ObservedState } from '../agent-state.js';
import { classifyScreen } from '../classify-screen.js';
import type { DetectorPane } from '../detector-pane.js';

/**
 * Every screen recorded from the real Codex CLI under `__fixtures__/codex-<version>/` (not the
 * `codex-documented/` assemblies) is classified here; new recordings are picked up as they come.
 */
const fixturesRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '__fixtures__');

interface RecordedScreen {
  readonly file: string;
  readonly screen: string;
  readonly meta: {
    readonly state: string;
    readonly case: string;
    readonly paneTitle: string;
    readonly paneCurrentCommand: string;
    readonly paneDead: boolean;
    readonly paneDeadStatus: number | null;
  };
}

function recordedScreens(): RecordedScreen[] {
  const found: RecordedScreen[] = [];
  for (const dir of readdirSync(fixturesRoot).filter((name) => /^codex-\d/u.test(name))) {
    for (const file of readdirSync(join(fixturesRoot, dir)).filter((name) => name.endsWith('.txt'))) {
      const base = join(fixturesRoot, dir, file);
      found.push({
        file: `${dir}/${file}`,
        screen: readFileSync(base, 'utf8'),
        meta: JSON.parse(readFileSync(base.replace(/\.txt$/u, '.json'), 'utf8')) as RecordedScreen['meta'],
      });
    }
  }
  return found;
}

/**
 * What `classifyScreen` must say for a recorded state. `idle` is the tracker's call (the detector
 * says `no_activity`); so is streaming text (also with a follow-up queued under it) on the screen
 * alone: Codex 0.171 hides its status indicator while text streams, and the screen alone is a
 * finished turn. Its pane title's spinner says it works (see `title-tiebreak.ts`).
 */
function expectedFor(recorded: RecordedScreen): ObservedState {
  if (recorded.meta.state === 'idle') return 'no_activity';
  // The screen alone shows no sign then; the braille spinner Codex writes before its pane title
  // breaks the tie (`codex/title-working`). Without that title the tracker would decide by change.
  if (recorded.meta.state === 'active' && ['streaming', 'follow-up-queued'].includes(recorded.meta.case)) return /^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] /u.test(recorded.meta.paneTitle) ? 'active' : 'no_activity';
  return recorded.meta.state as ObservedState;
}

function paneOf(recorded: RecordedScreen, agentOption: string | null): DetectorPane {
  return {
    dead: recorded.meta.paneDead,
    deadStatus: recorded.meta.paneDeadStatus,
    currentCommand: recorded.meta.paneCurrentCommand,
    title: recorded.meta.paneTitle,
    agentOption,
  };
}

const screens = recordedScreens();
const cases = screens.map((recorded) => [recorded.file, recorded] as const);

describe('codex detector on real Codex CLI screens', () => {
  it('has recorded screens of every state', () => {
    const states = new Set(screens.map((recorded) => recorded.meta.state));
    expect([...states].sort()).toEqual(['active', 'compacting', 'crashed', 'error', 'fresh', 'idle', 'queued_message', 'rate_limited', 'waiting_input']);
  });

  it.each(cases)('%s', (_file, recorded) => {
    const result = classifyScreen(paneOf(recorded, 'codex'), recorded.screen);
    expect({ state: result.state, detector: result.detector }).toEqual({ state: expectedFor(recorded), detector: 'codex' });
    expect(result.evidence.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s is recognised as Codex without the @tmux-orc-agent option', (_file, recorded) => {
    expect(classifyScreen(paneOf(recorded, null), recorded.screen).detector).toBe('codex');
  });
});

describe('codex detector after a /quit before any turn', () => {
  // Seen live with 0.171.0: sometimes `Session ID: <id>` above the prompt, sometimes nothing but
  // the prompt (a cleared shell: only the tracker's history can tell an agent ran there).
  it('chooses the codex detector from the session id line and calls the shell crashed', () => {
    const screen = 'Session ID: 01a22ae4-6596-7c91-bf60-c4f1d740efbe\n$ \n';
    const pane: DetectorPane = { dead: false, deadStatus: null, currentCommand: 'sh', title: '', agentOption: null };
    expect(classifyScreen(pane, screen)).toMatchObject({ state: 'crashed', detector: 'codex' });
  });
});
