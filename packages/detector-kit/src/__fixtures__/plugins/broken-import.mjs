import 'tmux-orc-fixture-missing-dependency';
export const createDetector = () => ({});
