// The pane facts detectors read are part of the detector contract, so they live in the kit.
export type { DetectorPane } from '@tmux-orc/detector-kit';
