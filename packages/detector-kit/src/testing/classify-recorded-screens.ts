import type { AgentDetector } from '../agent-detector.js';
import type { Classification } from '../classification.js';
import type { DetectorPane } from '../detector-pane.js';
import { readRecordedScreens, type RecordedScreen } from './recorded-screens.js';
import { testDetectorPane } from './test-detector-pane.js';

/** What a detector said of one recorded screen. */
export interface RecordedScreenVerdict {
  readonly file: string;
  readonly expected: RecordedScreen['expected'];
  /** The detector's classification. */
  readonly got: Classification;
  /** What the detector's `matches` said of the recorded pane and screen (the checker picks the highest). */
  readonly confidence: number;
  /** True when the state is the expected one, the result names the detector, and the pane matched (confidence > 0). */
  readonly ok: boolean;
}

/**
 * The fixture runner: classifies every recorded screen of `dir` (`<state>-<case>.txt`, optional
 * `.json` sidecar with `state`, `detectorState`, `paneCurrentCommand`, `paneTitle`, `paneDead`,
 * `paneDeadStatus`, `paneStartCommand`, `agentOption`) with `detector`, and says which passed.
 * `pane` sets the pane facts of screens without a sidecar. Test-framework agnostic.
 *
 * @example
 * const verdicts = classifyRecordedScreens(createDetector({}), fileURLToPath(new URL('../screens/1.18.33', import.meta.url)));
 * expect(verdicts.filter((v) => !v.ok)).toEqual([]);
 */
export function classifyRecordedScreens(detector: AgentDetector, dir: string, pane: Partial<DetectorPane> = {}): RecordedScreenVerdict[] {
  return readRecordedScreens(dir, testDetectorPane(pane)).map((recorded) => {
    const got = detector.classify(recorded.screen, recorded.pane);
    const confidence = detector.matches(recorded.pane, recorded.screen);
    const ok = got.state === recorded.expected && got.detector === detector.id && confidence > 0;
    return { file: recorded.file, expected: recorded.expected, got, confidence, ok };
  });
}
