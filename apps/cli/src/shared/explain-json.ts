import type { AgentExplanation } from '@tmux-orc/monitor';
import type { HookSighting } from './hook-sighting.js';

/** The last hook of an agent as `explain` shows it: how it compares with the screen now. */
export interface ExplainHookJson extends HookSighting {
  /** Whether the screen's state now is what the hook implies (the screen decides either way). */
  readonly agrees_now: boolean;
  /** How long (ms) hook and screen have disagreed, when they do and the daemon watched it. */
  readonly disagreeing_ms: number | null;
}

/** `tmux-orc explain <agent> --json`, and the daemon's `GET /status?agent=<agent>`. */
export interface ExplainJson {
  /** Where the answer came from: the daemon, a demo, or one cycle run by this command. */
  readonly source: 'daemon' | 'demo' | 'one-shot';
  readonly explanation: AgentExplanation;
  /** The last Claude Code hook the daemon received for this agent. */
  readonly hook?: ExplainHookJson;
}
