import { expect, it } from 'vitest';

// The detector contract, its loader and errors; an export added or removed by accident fails here.
it('exports exactly its public runtime surface', async () => {
  expect(Object.keys(await import('./index.js')).sort()).toEqual([
    'DetectorError',
    'DetectorLoadError',
    'agentStates',
    'detectorContractVersion',
    'detectorErrorCodes',
    'guardDetector',
    'loadDetector',
    'loadDetectors',
    'observedStates',
    'readDetectorOptions',
  ]);
  // `@tmux-orc/detector-kit/testing`: panes and screens by hand, and the fixture runner.
  expect(Object.keys(await import('./testing/index.js')).sort()).toEqual(['classifyRecordedScreens', 'readRecordedScreens', 'testDetectorPane', 'testScreen']);
});
