/** The Claude Code hook events the daemon takes. */
export const claudeHookEvents = ['Stop', 'Notification', 'PreToolUse', 'UserPromptSubmit', 'SessionEnd'] as const;

/** One of {@link claudeHookEvents}. */
export type ClaudeHookEvent = (typeof claudeHookEvents)[number];

/** The last hook event seen for an agent, and how it compares with the screen (part of the status JSON). */
export interface HookSighting {
  readonly event: ClaudeHookEvent;
  /** ISO time the daemon received it. */
  readonly at: string;
  /** The state the event implies (`Stop` → idle, `PreToolUse` → active, …). */
  readonly implies: string;
  /** The screen's state when the event arrived. */
  readonly screen_state: string;
  /** True when the screen shows what the event implies (or it will after the debounce). */
  readonly agrees: boolean;
  readonly session_id?: string;
  readonly message?: string;
  readonly tool_name?: string;
}
