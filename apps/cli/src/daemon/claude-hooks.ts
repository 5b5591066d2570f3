import type { AgentStatus } from '@tmux-orc/monitor';
import { claudeHookEvents, type ClaudeHookEvent } from '../shared/hook-sighting.js';

/** A parsed hook request. */
export interface ClaudeHookInput {
  readonly event: ClaudeHookEvent;
  readonly pane: string | null;
  readonly cwd: string | null;
  readonly sessionId?: string;
  readonly message?: string;
  readonly toolName?: string;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Reads Claude Code's hook JSON (stdin of a hook command, posted as is). The pane comes from the
 * `X-Tmux-Pane` header (the hook command adds `$TMUX_PANE`) or a `tmux_pane` field.
 * Returns an error message for anything else.
 */
export function parseClaudeHook(body: unknown, paneHeader: string | undefined): ClaudeHookInput | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return `Expected a JSON object from a Claude Code hook, got ${Array.isArray(body) ? 'an array' : typeof body}`;
  const fields = body as Record<string, unknown>;
  const name = fields['hook_event_name'];
  if (!claudeHookEvents.includes(name as ClaudeHookEvent)) {
    return `Expected hook_event_name to be one of ${claudeHookEvents.join(', ')}, got ${JSON.stringify(name ?? null)}`;
  }
  const sessionId = str(fields['session_id']);
  const message = str(fields['message']);
  const toolName = str(fields['tool_name']);
  return {
    event: name as ClaudeHookEvent,
    pane: str(paneHeader) ?? str(fields['tmux_pane']) ?? null,
    cwd: str(fields['cwd']) ?? null,
    ...(sessionId === undefined ? {} : { sessionId }),
    ...(message === undefined ? {} : { message }),
    ...(toolName === undefined ? {} : { toolName }),
  };
}

/** The agent state a hook event implies. */
export function impliedState(input: Pick<ClaudeHookInput, 'event' | 'message'>): string {
  switch (input.event) {
    case 'UserPromptSubmit':
    case 'PreToolUse':
      return 'active';
    case 'Stop':
      return 'idle';
    case 'SessionEnd':
      return 'crashed';
    case 'Notification':
      // "Claude needs your permission to use Bash" vs "Claude is waiting for your input" (idle 60 s).
      return /permission|approv/i.test(input.message ?? '') ? 'waiting_input' : 'idle';
  }
}

/**
 * Finds the agent a hook came from: by pane id (exact), else by working directory when exactly
 * one agent's pane is there. `cwds` maps agent ids to their pane's `pane_current_path`.
 */
export function matchHookAgent(
  input: Pick<ClaudeHookInput, 'pane' | 'cwd'>,
  agents: readonly AgentStatus[],
  cwds: ReadonlyMap<string, string>,
): { readonly agent: AgentStatus; readonly by: 'pane' | 'cwd' } | { readonly agent: null; readonly reason: string } {
  const paneOf = (agent: AgentStatus): string => agent.id.slice(agent.id.lastIndexOf('/') + 1);
  if (input.pane !== null) {
    const agent = agents.find((a) => paneOf(a) === input.pane);
    return agent === undefined ? { agent: null, reason: `no monitored pane ${input.pane}` } : { agent, by: 'pane' };
  }
  if (input.cwd === null) return { agent: null, reason: 'the hook sent neither a pane (X-Tmux-Pane) nor a cwd' };
  const there = agents.filter((a) => cwds.get(a.id) === input.cwd);
  const [only] = there;
  if (there.length === 1 && only !== undefined) return { agent: only, by: 'cwd' };
  return { agent: null, reason: there.length === 0 ? `no monitored pane in ${input.cwd}` : `${there.length} monitored panes in ${input.cwd}; send X-Tmux-Pane` };
}

/** Whether the screen state is consistent with the hook's implied state. */
export function screenAgrees(implies: string, screen: string): boolean {
  if (implies === screen) return true;
  // A fresh agent is idle too; the screen of a working agent may already show its next prompt.
  if (implies === 'idle') return screen === 'fresh';
  if (implies === 'active') return screen === 'compacting' || screen === 'waiting_input';
  return false;
}
