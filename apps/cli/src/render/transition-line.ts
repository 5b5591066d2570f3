import type { AgentTransition } from '@tmux-orc/monitor';
import { colorState, oneLineEvidence } from './state-text.js';

/**
 * One transition as `monitor run` prints it, with the columns of the demo's table:
 * `2026-11-30T06:55:01.000Z  %3  team:1.0  dev  idle → active  claude-code  ⠋ Thinking…`.
 */
export function renderTransitionLine(transition: AgentTransition, evidenceWidth = 72): string {
  const { pane } = transition;
  const name = pane.role === 'pm' ? `${pane.name} (pm)` : pane.name;
  const change = `${transition.from === null ? '(new)' : colorState(transition.from)} → ${colorState(transition.to)}`;
  const evidence = oneLineEvidence(transition.evidence.join('\n'), evidenceWidth);
  return [new Date(transition.at).toISOString(), transition.agentId, pane.target, name, change, transition.detector, evidence].filter((part) => part !== '').join('  ');
}
