import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ObservedState } from '../agent-state.js';
import { classifyScreen } from '../classify-screen.js';
import type { DetectorPane } from '../detector-pane.js';

/**
 * Every screen recorded from the real Claude Code CLI under `__fixtures__/claude-code-<version>/`
 * is classified here; new recordings are picked up without editing this file.
 */
const fixturesRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '__fixtures__');

interface RecordedScreen {
  readonly file: string;
  readonly screen: string;
  readonly meta: {
    readonly state: string;
    readonly description?: string;
    readonly paneTitle: string;
    readonly paneCurrentCommand: string;
    readonly paneDead: boolean;
    readonly paneDeadStatus: number | null;
    /** tmux's `pane_start_command` (recordings from 2026-11-30 on). */
    readonly paneStartCommand?: string;
  };
}

function recordedScreens(): RecordedScreen[] {
  const found: RecordedScreen[] = [];
  for (const dir of readdirSync(fixturesRoot).filter((name) => name.startsWith('claude-code-'))) {
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
 * What `classifyScreen` must say for a recorded state. `idle` is decided by the tracker, so the
 * detector's answer for an idle screen is the `no_activity` candidate.
 */
function expectedFor(recorded: RecordedScreen): ObservedState {
  return recorded.meta.state === 'idle' ? 'no_activity' : (recorded.meta.state as ObservedState);
}

function paneOf(recorded: RecordedScreen, agentOption: string | null): DetectorPane {
  return {
    dead: recorded.meta.paneDead,
    deadStatus: recorded.meta.paneDeadStatus,
    currentCommand: recorded.meta.paneCurrentCommand,
    title: recorded.meta.paneTitle,
    agentOption,
    startCommand: recorded.meta.paneStartCommand ?? null,
  };
}

const screens = recordedScreens();

describe('claude-code detector on real Claude Code screens', () => {
  it('has recorded screens to test', () => {
    expect(screens.length).toBeGreaterThan(0);
  });

  it.each(screens.map((recorded) => [recorded.file, recorded] as const))('%s', (_file, recorded) => {
    const result = classifyScreen(paneOf(recorded, 'claude-code'), recorded.screen);
    expect({ state: result.state, detector: result.detector }).toEqual({
      state: expectedFor(recorded),
      detector: 'claude-code',
    });
    expect(result.evidence.length).toBeGreaterThan(0);
  });

  it.each(screens.map((recorded) => [recorded.file, recorded] as const))(
    '%s is recognised as Claude Code without the @tmux-orc-agent option',
    (_file, recorded) => {
      expect(classifyScreen(paneOf(recorded, null), recorded.screen).detector).toBe('claude-code');
    },
  );

  // `sh -c 'claude; sh'` keeps pane_current_command at `sh` the whole time Claude Code runs:
  // only a real shell prompt at the bottom may turn that into `crashed`.
  it.each(screens.filter((recorded) => recorded.meta.state !== 'crashed').map((recorded) => [recorded.file, recorded] as const))(
    '%s gives the same verdict under a wrapper shell',
    (_file, recorded) => {
      const pane = { ...paneOf(recorded, null), currentCommand: 'sh' };
      expect(classifyScreen(pane, recorded.screen).state).toBe(expectedFor(recorded));
    },
  );
});
