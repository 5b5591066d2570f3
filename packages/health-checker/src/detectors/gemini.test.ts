import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ObservedState } from '../agent-state.js';
import { classifyScreen } from '../classify-screen.js';
import type { DetectorPane } from '../detector-pane.js';

/**
 * Every screen recorded from the real Gemini CLI under `__fixtures__/gemini-<version>/` is
 * classified here; new recordings are picked up without editing this file.
 */
const fixturesRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '__fixtures__');

interface RecordedScreen {
  readonly file: string;
  readonly screen: string;
  readonly meta: {
    readonly state: string;
    readonly paneTitle: string;
    readonly paneCurrentCommand: string;
    readonly paneDead: boolean;
    readonly paneDeadStatus: number | null;
  };
}

function recordedScreens(): RecordedScreen[] {
  const found: RecordedScreen[] = [];
  for (const dir of readdirSync(fixturesRoot).filter((name) => /^gemini-\d/u.test(name))) {
    for (const file of readdirSync(join(fixturesRoot, dir)).filter((name) => name.endsWith('.txt'))) {
      const base = join(fixturesRoot, dir, file);
      const meta = JSON.parse(readFileSync(base.replace(/\.txt$/u, '.json'), 'utf8')) as RecordedScreen['meta'];
      found.push({ file: `${dir}/${file}`, screen: readFileSync(base, 'utf8'), meta });
    }
  }
  return found;
}

/** `idle` is decided by the tracker: the detector's answer for an idle screen is `no_activity`. */
function expectedFor(recorded: RecordedScreen): ObservedState {
  return recorded.meta.state === 'idle' ? 'no_activity' : (recorded.meta.state as ObservedState);
}

function paneOf(recorded: RecordedScreen, overrides: Partial<DetectorPane> = {}): DetectorPane {
  return {
    dead: recorded.meta.paneDead,
    deadStatus: recorded.meta.paneDeadStatus,
    currentCommand: recorded.meta.paneCurrentCommand,
    title: recorded.meta.paneTitle,
    agentOption: null,
    ...overrides,
  };
}

const screens = recordedScreens();
const cases = screens.map((recorded) => [recorded.file, recorded] as const);

describe('gemini detector on real Gemini CLI screens', () => {
  it('has a recorded screen for every state the CLI can show', () => {
    const states = new Set(screens.map((recorded) => recorded.meta.state));
    for (const state of ['fresh', 'active', 'idle', 'waiting_input', 'queued_message', 'error', 'rate_limited', 'compacting', 'crashed']) {
      expect(states, `a recorded ${state} screen`).toContain(state);
    }
  });

  it.each(cases)('%s, chosen from the pane (title, command) alone', (_file, recorded) => {
    const result = classifyScreen(paneOf(recorded), recorded.screen);
    expect({ state: result.state, detector: result.detector }).toEqual({ state: expectedFor(recorded), detector: 'gemini' });
    expect(result.evidence.length).toBeGreaterThan(0);
  });

  // tmux may not pass titles on (`set-titles`, `allow-rename` vary), and the CLI runs as `node`:
  // the screen alone must choose the detector.
  it.each(cases)('%s, chosen from the screen when the title is not Gemini CLI’s', (_file, recorded) => {
    const result = classifyScreen(paneOf(recorded, { title: 'host' }), recorded.screen);
    expect({ state: result.state, detector: result.detector }).toEqual({ state: expectedFor(recorded), detector: 'gemini' });
  });

  // `sh -c 'gemini; sh'` without job control keeps pane_current_command at `sh` while the CLI
  // runs: only a real shell prompt may turn that into `crashed`.
  it.each(cases.filter(([, recorded]) => recorded.meta.state !== 'crashed'))('%s gives the same verdict under a wrapper shell', (_file, recorded) => {
    expect(classifyScreen(paneOf(recorded, { currentCommand: 'sh' }), recorded.screen).state).toBe(expectedFor(recorded));
  });

  it.each(cases.filter(([, recorded]) => recorded.meta.state === 'crashed'))('%s is crashed also with the @tmux-orc-agent option', (_file, recorded) => {
    expect(classifyScreen(paneOf(recorded, { agentOption: 'gemini' }), recorded.screen)).toMatchObject({ state: 'crashed', detector: 'gemini' });
  });
});
