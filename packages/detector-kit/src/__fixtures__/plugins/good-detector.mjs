// A third-party detector as a user would ship it: plain ESM, a `createDetector` factory that checks its options.
import { readDetectorOptions } from '@tmux-orc/detector-kit';

export function createDetector(options) {
  const read = readDetectorOptions('fixture-good', options);
  const command = read.string('command', 'fixture-cli');
  read.rejectUnknown();
  return {
    contractVersion: 'v1',
    id: 'fixture-good',
    description: `answers for ${command}`,
    matches: (pane) => (pane.currentCommand === command ? 0.9 : 0),
    classify: (screen) => ({ state: screen.includes('Allow?') ? 'waiting_input' : 'no_activity', detector: 'fixture-good', detail: {}, evidence: [screen.split('\n')[0] ?? ''] }),
  };
}
