import type { AgentView } from '../actions/agent-view.js';
import { jumpCommand } from './jump-command.js';

/** The version of the notification JSON (webhook `json` format, command stdin); bumped on an incompatible change. */
export const notificationFormatVersion = 1 as const;

/** What one notification says about one agent: the JSON shape webhooks and commands receive (snake_case, versioned). */
export interface AgentNotification {
  /** The agent's short name (`dev` for window `Claude-dev`). */
  readonly agent: string;
  /** The monitor's agent id (`%3`, or `-L work/%3` with several servers). */
  readonly agent_id: string;
  readonly role: string;
  readonly session: string;
  readonly window: string;
  readonly window_index: number;
  readonly pane: string;
  /** `local`, or the SSH host of the agent's server. */
  readonly host: string;
  readonly state: string;
  /** The state before, when the notification is about a change; null for an escalation or a first sight. */
  readonly from: string | null;
  /** ISO time the agent entered `state`. */
  readonly since: string;
  /** The screen line that decided the state ('' when the detector gave none). */
  readonly evidence: string;
  /** A shell command that switches the user's tmux client to the agent's pane. */
  readonly jump: string;
  /** True when this is the one reminder after `policy.escalate_after`. */
  readonly escalated: boolean;
  /** ISO time the channel admitted it (its cycle); the message may leave up to `rollup_window` later. */
  readonly noted_at: string;
}

/** Builds the notification of an agent's current state. */
export function agentNotification(view: AgentView, escalated: boolean, nowMs: number): AgentNotification {
  const { pane, result } = view;
  return {
    agent: pane.name,
    agent_id: view.agentId,
    role: pane.role,
    session: pane.session,
    window: pane.windowName,
    window_index: pane.windowIndex,
    pane: pane.id,
    host: view.host ?? 'local',
    state: result.state,
    from: escalated ? null : (view.transition?.from ?? null),
    since: new Date(result.since).toISOString(),
    evidence: evidenceLine(result.evidence),
    jump: jumpCommand(view.serverLabel ?? '(default)', pane.target),
    escalated,
    noted_at: new Date(nowMs).toISOString(),
  };
}

/** The last non-blank evidence line, trimmed and at most 300 characters. */
function evidenceLine(evidence: readonly string[]): string {
  const line = [...evidence].reverse().find((l) => l.trim() !== '') ?? '';
  const flat = line.trim();
  return flat.length > 300 ? `${flat.slice(0, 299)}…` : flat;
}
