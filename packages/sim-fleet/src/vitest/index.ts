export { useSuiteTmuxSandbox, useTmuxSandbox } from './use-tmux-sandbox.js';
export { useSuiteSshHost } from './use-ssh-host.js';
