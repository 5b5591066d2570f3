import { join } from 'node:path';
import { simAgentScreensDir } from '@tmux-orc/sim-fleet';

/** Screens the demo's simulated agents draw: real Claude Code 2.1.330 screens, by the state they show. */
export const demoScreens = {
  fresh: ['fresh-started'],
  active: ['active-streaming', 'active-thinking'],
  idle: ['idle-replied'],
  waiting_input: ['waiting_input-bash-approval', 'waiting_input-write-approval'],
  queued_message: ['queued_message-typed-not-sent'],
  error: ['error-http529-retrying'],
  rate_limited: ['rate_limited-http429-unified'],
  compacting: ['compacting-compact'],
} as const;

export type DemoScreenState = keyof typeof demoScreens;

/** Where those screens live (shipped by the test kit). */
export function demoScreensDir(): string {
  return join(simAgentScreensDir, 'claude-code');
}
