import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDetector } from '../load-detector.js';
import { classifyRecordedScreens } from './classify-recorded-screens.js';
import { readRecordedScreens } from './recorded-screens.js';
import { testDetectorPane, testScreen } from './test-detector-pane.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', '__fixtures__');

describe('the fixture runner', () => {
  it('reads each screen with its sidecar’s pane facts and expected state, idle as no_activity', () => {
    const screens = readRecordedScreens(join(fixtures, 'screens'), testDetectorPane({ currentCommand: 'fixture-cli' }));
    expect(screens.map((s) => [s.file, s.expected, s.pane.currentCommand, s.pane.title])).toEqual([
      ['active-spinning.txt', 'no_activity', 'fixture-cli', ''],
      ['idle-after-reply.txt', 'no_activity', 'fixture-cli', ''],
      ['waiting_input-allow.txt', 'waiting_input', 'fixture-cli', 'fixture'],
    ]);
  });

  it('says which screens a detector gets right, and which it does not', async () => {
    const detector = await loadDetector('./plugins/good-detector.mjs', { command: 'fixture-cli' }, { cwd: fixtures });
    const verdicts = classifyRecordedScreens(detector, join(fixtures, 'screens'), { currentCommand: 'fixture-cli' });
    expect(verdicts.map((v) => [v.file, v.got.state, v.ok])).toEqual([
      ['active-spinning.txt', 'no_activity', true],
      ['idle-after-reply.txt', 'no_activity', true],
      ['waiting_input-allow.txt', 'waiting_input', true],
    ]);
    // The same screens on a pane the detector does not claim: matched by nothing, so not ok.
    const unclaimed = classifyRecordedScreens(detector, join(fixtures, 'screens'), { currentCommand: 'other' });
    expect(unclaimed.find((v) => v.file === 'idle-after-reply.txt')).toMatchObject({ confidence: 0, ok: false });
  });

  it('refuses a screen whose name states no agent state', () => {
    expect(() => readRecordedScreens(join(fixtures, 'bad-screens'), testDetectorPane())).toThrow(
      'Expected a state (active, idle, waiting_input, queued_message, fresh, error, rate_limited, compacting, crashed, unknown) as the name’s first word or the sidecar’s `state` in recorded screen `sleeping-cat.txt`, got a string (`"sleeping"`)',
    );
  });

  it('builds a screen as capture-pane gives it: padded to the pane’s rows, cut at its columns', () => {
    expect(testScreen(['abcdef', 'x'], { rows: 4, columns: 3 })).toBe('abc\nx\n\n');
  });
});
