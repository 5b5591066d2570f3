import type { ActionContext, AgentView, ReportItem } from './agent-view.js';
import { builtinDetectors, classifyScreen } from '@tmux-orc/health-checker';
import { agentLabel, quoted } from './report-text.js';
import { sessionKey } from './session-key.js';

/** True when the pane, read again now, still shows text typed into its input box and not submitted. */
async function stillQueued(agent: AgentView): Promise<boolean> {
  const lines = await agent.runner.run(['capture-pane', '-p', '-J', '-t', agent.pane.id]);
  return classifyScreen(agent.pane, lines.join('\n'), builtinDetectors).state === 'queued_message';
}

/**
 * Presses Enter for an agent whose message sits typed but unsubmitted (`queued_message`), at most
 * `recovery.resubmit_attempts` times per episode, `recovery.resubmit_spacing` seconds apart.
 * Once the attempts are spent the agent is reported instead. Leaving the state resets the count.
 */
export async function resubmitQueued(agents: readonly AgentView[], ctx: ActionContext): Promise<ReportItem[]> {
  const { resubmit_attempts: attempts, resubmit_spacing: spacing } = ctx.config.recovery;
  const now = ctx.clock.now();
  const items: ReportItem[] = [];
  for (const agent of agents) {
    if (agent.result.state !== 'queued_message') {
      delete ctx.state.resubmits[agent.stateKey];
      continue;
    }
    const entry = (ctx.state.resubmits[agent.stateKey] ??= { count: 0, lastAt: 0 });
    if (entry.count >= attempts) {
      const text = agent.result.detail.queuedText;
      items.push({
        agentId: agent.agentId,
        stateKey: agent.stateKey,
        session: sessionKey(agent),
        kind: 'queued_message',
        text: `${agentLabel(agent.pane)} queued_message${text === undefined ? '' : `: ${quoted(text)}`} not submitted after ${entry.count} Enter`,
      });
      continue;
    }
    if (entry.count > 0 && now - entry.lastAt < spacing * 1000) continue;
    try {
      // The screen may have changed since the cycle read it (a dialog opened): Enter only on text still typed.
      if (!(await stillQueued(agent))) continue;
      await agent.runner.run(['send-keys', '-t', agent.pane.id, 'Enter']);
      entry.count += 1;
      entry.lastAt = now;
      ctx.logger.info('resubmitted a queued message', { agent: agent.agentId, target: agent.pane.target, attempt: entry.count });
    } catch (error) {
      ctx.logger.warn('could not resubmit a queued message', { agent: agent.agentId, error: String(error) });
    }
  }
  return items;
}
