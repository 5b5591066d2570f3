import { createManualClock } from '@tmux-orc/clock';
import { describe, expect, it } from 'vitest';
import type { Classification } from './health-result.js';
import { createScreenStateTracker } from './screen-state-tracker.js';

const quiet: Classification = { state: 'no_activity', detector: 'test', detail: {}, evidence: ['❯'] };
const waiting: Classification = {
  state: 'waiting_input',
  detector: 'test',
  detail: { question: 'Do you want to proceed?' },
  evidence: ['Do you want to proceed?'],
};

describe('createScreenStateTracker', () => {
  it('calls a quiet pane idle only after its screen stayed unchanged for the debounce window', () => {
    const clock = createManualClock();
    const tracker = createScreenStateTracker({ debounceMs: 5_000, clock });
    expect(tracker.observe('%1', quiet, 'screen A').state).toBe('active');
    clock.advance(4_999);
    expect(tracker.observe('%1', quiet, 'screen A').state).toBe('active');
    clock.advance(1);
    const idle = tracker.observe('%1', quiet, 'screen A');
    expect(idle.state).toBe('idle');
    expect(idle.detail.unchangedForMs).toBe(5_000);
  });

  it('keeps a changing screen without other signs active, and restarts the window at each change', () => {
    const clock = createManualClock();
    const tracker = createScreenStateTracker({ debounceMs: 3_000, clock });
    tracker.observe('%1', quiet, 'line 1');
    clock.advance(2_000);
    expect(tracker.observe('%1', quiet, 'line 1\nline 2').state).toBe('active');
    clock.advance(2_000);
    expect(tracker.observe('%1', quiet, 'line 1\nline 2').state).toBe('active');
    clock.advance(1_000);
    expect(tracker.observe('%1', quiet, 'line 1\nline 2').state).toBe('idle');
  });

  it('dates idle from the last screen change, and keeps since while the state holds', () => {
    const clock = createManualClock(10_000);
    const tracker = createScreenStateTracker({ debounceMs: 1_000, clock });
    tracker.observe('%1', quiet, 'done');
    clock.advance(1_500);
    const idle = tracker.observe('%1', quiet, 'done');
    expect(idle).toMatchObject({ state: 'idle', since: 10_000 });
    clock.advance(60_000);
    expect(tracker.observe('%1', quiet, 'done').since).toBe(10_000);
  });

  it('passes detector states through and dates each transition', () => {
    const clock = createManualClock(0);
    const tracker = createScreenStateTracker({ debounceMs: 1_000, clock });
    tracker.observe('%1', quiet, 'working');
    clock.advance(500);
    const asked = tracker.observe('%1', waiting, 'Do you want to proceed?');
    expect(asked).toMatchObject({ state: 'waiting_input', since: 500, detail: { question: 'Do you want to proceed?' } });
    clock.advance(10_000);
    expect(tracker.observe('%1', waiting, 'Do you want to proceed?').since).toBe(500);
  });

  it('ignores colours and trailing blank lines when comparing screens', () => {
    const clock = createManualClock();
    const tracker = createScreenStateTracker({ debounceMs: 1_000, clock });
    tracker.observe('%1', quiet, '\u001b[1mready\u001b[0m\n\n\n');
    clock.advance(1_000);
    expect(tracker.observe('%1', quiet, 'ready').state).toBe('idle');
  });

  it('tracks panes independently and forgets a vanished pane', () => {
    const clock = createManualClock();
    const tracker = createScreenStateTracker({ debounceMs: 1_000, clock });
    tracker.observe('%1', quiet, 'a');
    tracker.observe('%2', quiet, 'b');
    clock.advance(1_000);
    expect(tracker.observe('%1', quiet, 'a').state).toBe('idle');
    tracker.forget('%2');
    expect(tracker.paneIds()).toEqual(['%1']);
    expect(tracker.observe('%2', quiet, 'b').state).toBe('active');
  });

  it('rejects a negative debounce, naming the option and the value', () => {
    expect(() => createScreenStateTracker({ debounceMs: -1, clock: createManualClock() })).toThrow(
      'Expected the `debounceMs` option to be a finite number >= 0, got `-1`',
    );
  });

  it('settles a first sight with what tmux knows: quiet since window_activity for the debounce is idle since then', () => {
    const clock = createManualClock();
    const tracker = createScreenStateTracker({ debounceMs: 10_000, clock });
    const idle = tracker.observe('%1', quiet, 'screen A', clock.now() - 60_000);
    expect(idle).toMatchObject({ state: 'idle', since: clock.now() - 60_000, detail: { basis: 'window_activity', unchangedForMs: 60_000 } });
    const recent = tracker.observe('%2', quiet, 'screen B', clock.now() - 3_000);
    expect(recent).toMatchObject({ state: 'active', detail: { basis: 'window_activity', unchangedForMs: 3_000 } });
    // A sign on the screen decides by itself; a later sight of a known pane ignores the hint.
    expect(tracker.observe('%3', waiting, 'screen C', clock.now() - 60_000).state).toBe('waiting_input');
    clock.advance(1_000);
    expect(tracker.observe('%2', quiet, 'screen B changed', clock.now() - 600_000)).toMatchObject({ state: 'active', detail: { unchangedForMs: 0 } });
  });
});

