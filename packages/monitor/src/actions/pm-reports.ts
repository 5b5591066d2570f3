import type { AgentState } from '@tmux-orc/health-checker';
import { sendText } from '@tmux-orc/tmux-pool';
import type { ActionContext, AgentView, ReportItem } from './agent-view.js';
import { isReportDue, markReported } from './cooldowns.js';
import { composeReport } from './compose-report.js';
import type { ConfirmDeliveryOptions, Delivery } from './confirm-delivery.js';
import { checkDelivery } from './report-delivery.js';
import { unsafePmReason } from './pm-guard.js';
import { isPaused } from './rate-limit-pause.js';
import { describeState } from './describe-state.js';
import { agentLabel } from './report-text.js';
import { sessionKey } from './session-key.js';

/** States reported to the PM on their own; `crashed` and `queued_message` come from their actions. */
const reportedStates: ReadonlySet<AgentState> = new Set(['idle', 'waiting_input', 'error', 'rate_limited', 'fresh']);
/** PM states in which typing a report would land in the wrong place; the report waits. */
const holdingPmStates: ReadonlySet<AgentState> = new Set(['active', 'waiting_input', 'queued_message', 'compacting', 'crashed']);

/** A report typed into a PM pane. */
export interface SentReport {
  readonly session: string;
  readonly pmPaneId: string;
  readonly text: string;
  readonly at: number;
  /** Whether the PM took it (`confirmDelivery`); `unchecked` when the reporter does not check. */
  readonly delivery: Delivery | 'unchecked';
}

/** A report kept back because typing it into the PM pane would be unsafe (it is shown in status instead). */
export interface HeldReport {
  readonly session: string;
  readonly pmPaneId: string;
  readonly reason: string;
  /** The report as it would be typed. */
  readonly text: string;
  /** When it was first held (wall clock, ms). */
  readonly since: number;
}

/**
 * The batched report to each session's PM: one message per cycle listing what changed, with
 * cooldowns per agent and state (`notifications.cooldowns`), nothing about a paused (rate-limited)
 * agent, held while the PM is busy (`active`, or showing a prompt a typed line would answer) and
 * sent when it is not. Only to the PM of the agent's own session, never about the PM itself. Never
 * typed into a PM pane whose foreground process is a shell ({@link unsafePmReason}): such a report
 * is held, logged once and listed by `held()`. With `confirm`, each report is checked to have left
 * the PM's input box (Enter pressed once more if not), the PMs of all sessions at once.
 */
export function createPmReporter(options: { readonly confirm?: ConfirmDeliveryOptions } = {}): {
  /** Adds this cycle's due lines (and the actions' `extra` lines) to the pending reports. */
  collect(agents: readonly AgentView[], extra: readonly ReportItem[], ctx: ActionContext): void;
  /** Sends each session's pending lines to its PM when the PM can take them; `held` lists reports newly held back. */
  flush(agents: readonly AgentView[], ctx: ActionContext): Promise<{ sent: SentReport[]; held: HeldReport[] }>;
  /** Reports held back now, by session. */
  held(): HeldReport[];
  /** Lines waiting, by session. */
  pending(): ReadonlyMap<string, readonly ReportItem[]>;
} {
  const pending = new Map<string, Map<string, ReportItem>>();
  const held = new Map<string, HeldReport>();
  const add = (item: ReportItem): void => {
    const session = pending.get(item.session) ?? new Map<string, ReportItem>();
    // One line per agent and kind: a newer line of the same kind replaces the older one, a restart
    // line is not overwritten by the state the restarted agent shows next.
    session.set(item.agentId === null ? `${item.kind}|${item.text}` : `${item.agentId}|${item.kind}`, item);
    pending.set(item.session, session);
  };

  return {
    collect(agents, extra, ctx) {
      if (!ctx.config.notifications.pm_enabled) return;
      const now = ctx.clock.now();
      for (const agent of agents) {
        if (agent.pane.role !== 'agent' || !reportedStates.has(agent.result.state)) continue;
        if (isPaused(ctx, agent.stateKey)) continue;
        if (!isReportDue(ctx, agent.stateKey, agent.result.state, agent.transition !== undefined)) continue;
        add({ agentId: agent.agentId, stateKey: agent.stateKey, session: sessionKey(agent), kind: agent.result.state, text: describeState(agent, now), subject: agentLabel(agent.pane) });
      }
      // A PM is never told about itself (its own restart or unsubmitted message is only logged).
      const pms = new Set(agents.filter((agent) => agent.pane.role === 'pm').map((agent) => agent.agentId));
      for (const item of extra) {
        if (item.agentId !== null && pms.has(item.agentId)) continue;
        if (item.stateKey !== null && (isPaused(ctx, item.stateKey) || !isReportDue(ctx, item.stateKey, item.kind, true))) continue;
        add(item);
      }
    },

    async flush(agents, ctx) {
      const sent: SentReport[] = [];
      const newlyHeld: HeldReport[] = [];
      const typed: { pm: AgentView; report: SentReport }[] = [];
      const byId = new Map(agents.map((agent) => [agent.agentId, agent]));
      for (const [session, items] of pending) {
        // A line about an agent whose state moved on since it was queued is no longer true.
        for (const [key, item] of items) {
          const agent = item.agentId === null ? undefined : byId.get(item.agentId);
          if (item.event !== true && agent?.result.state !== item.kind) items.delete(key);
        }
        if (items.size === 0) {
          pending.delete(session);
          held.delete(session);
          continue;
        }
        const pm = agents.find((agent) => agent.pane.role === 'pm' && sessionKey(agent) === session);
        if (pm === undefined) {
          ctx.logger.debug('no PM in the session: report kept', { session, lines: items.size });
          continue;
        }
        if (holdingPmStates.has(pm.result.state)) continue;
        const text = composeReport([...items.values()]);
        const unsafe = await unsafePmReason(pm);
        if (unsafe !== undefined) {
          const before = held.get(session);
          const report = { session, pmPaneId: pm.pane.id, reason: unsafe, text, since: before?.since ?? ctx.clock.now() };
          held.set(session, report);
          if (before?.reason !== unsafe) {
            newlyHeld.push(report);
            ctx.logger.warn('report held: not typing into the PM pane', { session, pm: pm.pane.target, reason: unsafe, text });
          }
          continue;
        }
        held.delete(session);
        try {
          await sendText(pm.runner, pm.pane.id, text);
        } catch (error) {
          ctx.logger.warn('could not send the report to the PM', { session, pm: pm.pane.target, error: String(error) });
          continue;
        }
        for (const item of items.values()) if (item.stateKey !== null) markReported(ctx, item.stateKey, item.kind);
        pending.delete(session);
        typed.push({ pm, report: { session, pmPaneId: pm.pane.id, text, at: ctx.clock.now(), delivery: 'unchecked' } });
      }
      sent.push(...(await Promise.all(typed.map(({ pm, report }) => checkDelivery(pm, report, ctx, options.confirm)))));
      return { sent, held: newlyHeld };
    },

    held: () => [...held.values()],

    pending: () => new Map([...pending].map(([session, items]) => [session, [...items.values()]])),
  };
}
