import type { MonitoredPane } from '@tmux-orc/strategies';
import type { ActionContext, AgentView, ReportItem } from './agent-view.js';
import { agentLabel, formatDuration, oneLine } from './report-text.js';
import { sessionKey } from './session-key.js';

/** An agent whose pane was there and is gone. */
export interface GoneAgent {
  readonly agentId: string;
  readonly stateKey: string;
  readonly pane: MonitoredPane;
  /**
   * Until when (wall clock, ms) its absence is not yet called missing: its server just came back
   * and may still be rebuilding its windows. Null when there is no such grace.
   */
  readonly graceUntil: number | null;
}

/** Thresholds (s) reached at `elapsedMs` that were not alerted yet; records them as sent. */
function newlyCrossed(record: { sent: number[] }, thresholds: readonly number[], elapsedMs: number): number[] {
  const crossed = thresholds.filter((t) => elapsedMs >= t * 1000);
  const fresh = crossed.filter((t) => !record.sent.includes(t));
  record.sent = [...new Set([...record.sent, ...crossed])].sort((a, b) => a - b);
  return fresh;
}

/**
 * Missing-agent and whole-team-idle alerts, escalated at the thresholds of
 * `notifications.escalation` (seconds; one alert per threshold crossed, several crossed at once
 * give one alert). Episodes live in `state.json`, so a restarted monitor does not alert again.
 * Missing agents are tracked by state key: one that comes back in a new pane (same session, window
 * name and pane index) is not missing, and the clock of one that went with its server's restart
 * starts only when the server's grace ends.
 */
export function createAlerts(): {
  evaluate(agents: readonly AgentView[], gone: readonly GoneAgent[], ctx: ActionContext): ReportItem[];
} {
  const missing = new Map<string, GoneAgent & { since: number }>();

  return {
    evaluate(agents, gone, ctx) {
      const now = ctx.clock.now();
      const { missing_agent: missingThresholds, team_idle: teamThresholds } = ctx.config.notifications.escalation;
      const items: ReportItem[] = [];

      for (const agent of gone) if (agent.pane.role === 'agent' && !missing.has(agent.stateKey)) missing.set(agent.stateKey, { ...agent, since: Math.max(now, agent.graceUntil ?? now) });
      for (const agent of agents) {
        if (missing.delete(agent.stateKey)) delete ctx.state.alerts[`missing:${agent.stateKey}`];
      }
      for (const [stateKey, agent] of missing) {
        if (now < agent.since) continue;
        const key = `missing:${stateKey}`;
        const record = (ctx.state.alerts[key] ??= { startedAt: agent.since, sent: [] });
        const elapsed = now - record.startedAt;
        if (newlyCrossed(record, missingThresholds, elapsed).length > 0) {
          items.push({ agentId: null, stateKey: null, session: sessionKey(agent), kind: 'missing', event: true, subject: agentLabel(agent.pane), text: `${agentLabel(agent.pane)} missing ${formatDuration(elapsed)}` });
        }
        if (missingThresholds.every((t) => record.sent.includes(t))) missing.delete(stateKey);
      }

      const sessions = new Map<string, AgentView[]>();
      for (const agent of agents) {
        if (agent.pane.role !== 'agent') continue;
        const list = sessions.get(sessionKey(agent)) ?? [];
        list.push(agent);
        sessions.set(sessionKey(agent), list);
      }
      for (const [session, members] of sessions) {
        const key = `team_idle:${session}`;
        // Only a change seen out of idle ends an episode: a restarted monitor first sees every
        // agent as active (one quiet screen is no proof), which must not restart the escalation.
        if (members.some((m) => (m.transition?.from === 'idle' || m.transition?.from === 'fresh') && m.transition.to !== 'idle')) delete ctx.state.alerts[key];
        // A fresh agent (started, never given work) has nothing to do either.
        if (!members.every((m) => m.result.state === 'idle' || m.result.state === 'fresh')) continue;
        const idleSince = Math.max(...members.map((m) => m.result.since));
        const record = (ctx.state.alerts[key] ??= { startedAt: idleSince, sent: [] });
        const elapsed = now - record.startedAt;
        if (newlyCrossed(record, teamThresholds, elapsed).length > 0) {
          items.push({
            agentId: null,
            stateKey: null,
            session,
            kind: 'team_idle',
            event: true,
            text: `team ${oneLine(members[0]?.pane.session ?? session, 40)}: all ${members.length} agents idle ${formatDuration(elapsed)}`,
          });
        }
      }
      return items;
    },
  };
}
