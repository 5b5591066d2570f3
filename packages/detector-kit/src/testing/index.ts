// Helpers for detector authors' tests: panes and screens built by hand, and the fixture runner.
export { testDetectorPane, testScreen } from './test-detector-pane.js';
export { readRecordedScreens, type RecordedScreen } from './recorded-screens.js';
export { classifyRecordedScreens, type RecordedScreenVerdict } from './classify-recorded-screens.js';
