import type { AgentView } from './agent-view.js';
import { agentLabel, formatDuration, quoted } from './report-text.js';

/** One line about an agent in its current state. */
export function describeState(agent: AgentView, now: number): string {
  const { result, pane } = agent;
  const label = agentLabel(pane);
  const { detail } = result;
  switch (result.state) {
    case 'idle':
      // Background shells still running after the turn: idle, and the PM should know why it may change.
      return `${label} idle ${formatDuration(now - result.since)}${detail.background === undefined ? '' : ` (${quoted(detail.background, 60).slice(1, -1)})`}`;
    case 'waiting_input':
      return `${label} waiting_input${detail.question === undefined ? '' : `: ${quoted(detail.question)}`}`;
    case 'error':
      return `${label} error${detail.message === undefined ? '' : `: ${quoted(detail.message)}`}`;
    case 'rate_limited':
      return detail.resetAt === undefined
        ? `${label} rate_limited${detail.message === undefined ? '' : `: ${quoted(detail.message)}`}`
        : `${label} rate_limited (resets ${quoted(detail.resetAt, 40).slice(1, -1)})`;
    default:
      return `${label} ${result.state}`;
  }
}
