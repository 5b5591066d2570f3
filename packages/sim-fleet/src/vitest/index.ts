export { useSuiteTmuxSandbox, useTmuxSandbox } from './use-tmux-sandbox.js';
