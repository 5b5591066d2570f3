import type { AgentState, HealthDetail, HealthResult } from '@tmux-orc/health-checker';
import type { MonitoredPane } from '@tmux-orc/strategies';
import { MonitorError } from './monitor-error.js';

/** One change of an agent's state. */
export interface AgentTransition {
  /** The agent's id in the monitor (its pane id, prefixed by the server when several are watched). */
  readonly agentId: string;
  readonly pane: MonitoredPane;
  /** The previous state; null the first time the monitor sees the agent. */
  readonly from: AgentState | null;
  readonly to: AgentState;
  /** Clock time (ms since the epoch) the new state began (the health result's `since`). */
  readonly at: number;
  readonly detector: string;
  readonly detail: HealthDetail;
  /** The screen line(s) that decided the new state. */
  readonly evidence: readonly string[];
}

/** What the monitor knows about one agent. */
export interface AgentRecord {
  readonly agentId: string;
  readonly pane: MonitoredPane;
  readonly result: HealthResult;
  /** The last transitions, oldest first, at most `historyLimit`. */
  readonly history: readonly AgentTransition[];
}

/** Options of {@link createAgentStateTracker}. */
export interface AgentStateTrackerOptions {
  /** Transitions kept per agent (default 50). */
  readonly historyLimit?: number;
}

/**
 * Turns each cycle's health results into transitions, keeps a bounded history per agent and tells
 * subscribers about every transition. Debounce is the health checker's: its results are already
 * debounced (`idle` only after the screen stayed unchanged for `monitoring.debounce`).
 */
export interface AgentStateTracker {
  /** Records this cycle's result of an agent; returns the transition when its state changed. */
  update(agentId: string, pane: MonitoredPane, result: HealthResult): AgentTransition | undefined;
  get(agentId: string): AgentRecord | undefined;
  all(): AgentRecord[];
  /** Forgets an agent (its pane is gone); returns what was known. */
  remove(agentId: string): AgentRecord | undefined;
  /** How long (ms) the agent has been idle at `now`; 0 when it is not idle. */
  idleForMs(agentId: string, now: number): number;
  /** Calls `listener` on every transition; returns the unsubscribe function. */
  subscribe(listener: (transition: AgentTransition) => void): () => void;
}

/** Creates an {@link AgentStateTracker}. */
export function createAgentStateTracker(options: AgentStateTrackerOptions = {}): AgentStateTracker {
  const historyLimit = options.historyLimit ?? 50;
  if (!Number.isInteger(historyLimit) || historyLimit < 1) {
    throw new MonitorError('INVALID_OPTION', `Expected the \`historyLimit\` option to be a positive integer, got \`${String(historyLimit)}\``);
  }
  const records = new Map<string, AgentRecord>();
  const listeners = new Set<(transition: AgentTransition) => void>();

  return {
    update(agentId, pane, result) {
      const previous = records.get(agentId);
      const changed = previous === undefined || previous.result.state !== result.state;
      if (!changed) {
        records.set(agentId, { ...previous, pane, result });
        return undefined;
      }
      const transition: AgentTransition = {
        agentId,
        pane,
        from: previous?.result.state ?? null,
        to: result.state,
        at: result.since,
        detector: result.detector,
        detail: result.detail,
        evidence: result.evidence,
      };
      const history = [...(previous?.history ?? []), transition].slice(-historyLimit);
      records.set(agentId, { agentId, pane, result, history });
      for (const listener of listeners) listener(transition);
      return transition;
    },
    get: (agentId) => records.get(agentId),
    all: () => [...records.values()],
    remove(agentId) {
      const record = records.get(agentId);
      records.delete(agentId);
      return record;
    },
    idleForMs(agentId, now) {
      const record = records.get(agentId);
      return record?.result.state === 'idle' ? Math.max(0, now - record.result.since) : 0;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
