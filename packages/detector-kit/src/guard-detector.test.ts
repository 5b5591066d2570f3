import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDetector } from './load-detector.js';
import { testDetectorPane } from './testing/test-detector-pane.js';

const cwd = join(dirname(fileURLToPath(import.meta.url)), '__fixtures__');

describe('a loaded plugin cannot break a cycle', () => {
  it('turns a classify that throws or answers a state no detector may give into unknown, saying why', async () => {
    const detector = await loadDetector('./plugins/misbehaving.mjs', {}, { cwd });
    expect(detector.classify('throw', testDetectorPane())).toEqual({
      state: 'unknown',
      detector: 'misbehaving',
      detail: { reason: 'detector `misbehaving` threw: classify broke' },
      evidence: [],
    });
    expect(detector.classify('idle', testDetectorPane()).detail.reason).toBe(
      'Expected detector `misbehaving` to answer `state` to be one of active, waiting_input, queued_message, fresh, error, rate_limited, compacting, crashed, unknown, no_activity, got a string (`"idle"`)',
    );
  });

  it('stamps its own id on what it answers, and counts a bad or throwing matches as 0', async () => {
    const detector = await loadDetector('./plugins/misbehaving.mjs', {}, { cwd });
    expect(detector.classify('working', testDetectorPane())).toMatchObject({ state: 'active', detector: 'misbehaving' });
    expect(detector.matches(testDetectorPane())).toBe(0); // 7 is no confidence
    expect(detector.matches(testDetectorPane({ title: 'boom' }))).toBe(0);
  });
});
