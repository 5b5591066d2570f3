import type { DetectorFactory } from '@tmux-orc/detector-kit';

/** Options: `commands`, the pane commands that mean opencode (default `['opencode']`). */
export declare const createDetector: DetectorFactory;
export default createDetector;
