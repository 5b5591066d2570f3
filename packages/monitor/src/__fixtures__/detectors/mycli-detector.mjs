// A detector plugin for a made-up CLI that draws `MYCLI` at the top of its screen.
import { readDetectorOptions } from '@tmux-orc/detector-kit';

export function createDetector(options) {
  const read = readDetectorOptions('mycli', options);
  const signature = read.string('signature', 'MYCLI');
  read.rejectUnknown();
  return {
    contractVersion: 'v1',
    id: 'mycli',
    matches: (pane, screen) => (screen?.includes(signature) ? 0.9 : 0),
    classify(screen) {
      const question = screen.split('\n').find((line) => line.includes('Allow?'));
      if (question !== undefined) return { state: 'waiting_input', detector: 'mycli', detail: { question: question.trim() }, evidence: [question] };
      return { state: 'no_activity', detector: 'mycli', detail: {}, evidence: [] };
    },
  };
}
