// The states are part of the detector contract (`@tmux-orc/detector-kit`); one list for both packages.
export { agentStates, type AgentState, type ObservedState } from '@tmux-orc/detector-kit';
