import type { ChannelStats } from './notifications/channel-stats.js';
import type { AgentState, HealthDetail } from '@tmux-orc/health-checker';
import type { LayerStats } from '@tmux-orc/layered-cache';
import type { PaneRole } from '@tmux-orc/strategies';
import type { PoolMetrics } from '@tmux-orc/tmux-pool';

/** One monitored pane in the status snapshot (what `tmux-orc status` prints). */
export interface AgentStatus {
  /**
   * The agent's id: its pane id (`%3`), prefixed by the server (`-L work/%3`) when several are
   * watched or the server is on another host (`me@box -L work/%3`).
   */
  readonly id: string;
  /** The SSH host the agent runs on (`me@box`); null on this machine. */
  readonly host: string | null;
  /** `session:window.pane`. */
  readonly target: string;
  readonly session: string;
  /** The window name. */
  readonly window: string;
  /** Short name used in reports (`Claude-dev` → `dev`). */
  readonly name: string;
  readonly role: PaneRole;
  /** Id of the detector that decided (`claude-code`, `shell`, …). */
  readonly detector: string;
  /** Id of the rule that decided (`claude-code/choice-dialog`); absent when the detector names none. */
  readonly rule?: string;
  readonly state: AgentState;
  /** ISO time since which the agent is in `state`. */
  readonly since: string;
  readonly detail: HealthDetail;
  /** The screen line(s) that decided. */
  readonly evidence: readonly string[];
}

/** One watched tmux server. */
export interface ServerStatus {
  /** `-L name`, `-S path` or `(default)`; on another host `me@box -L name` (or `me@box`). */
  readonly server: string;
  /** The SSH host (`me@box`, `me@box:2222`); null for this machine. */
  readonly host: string | null;
  /** False when the last cycle could not reach it (it is retried every cycle). */
  readonly up: boolean;
  /** Why it is down, null when up. */
  readonly error: string | null;
  readonly consecutive_failures: number;
  /** `control`, or `exec` when control mode could not start. */
  readonly transport: 'control' | 'exec';
  /** Why the pool runs on exec, when it fell back. */
  readonly fallback_reason: string | null;
}

/** Cycles that failed: a strategy that threw, a tmux server that could not be listed. */
export interface CycleFailureStatus {
  /** Cycles failed in a row up to the last one; 0 when the last cycle did its work. */
  readonly consecutive: number;
  /** ISO time of the first failure of the current run; null when `consecutive` is 0. */
  readonly since: string | null;
  /** The last failure (kept after the cycles recover); null when no cycle has failed. */
  readonly last_error: {
    readonly message: string;
    /** The error's code (`STRATEGY_FAILED`, `TMUX_SERVER_GONE`, …); `UNEXPECTED` when it had none. */
    readonly code: string;
    /** ISO time of the failed cycle. */
    readonly at: string;
  } | null;
}

/** The monitor's status and metrics. */
export interface MonitorStatus {
  readonly base_status: {
    readonly is_running: boolean;
    /** Agents (not PMs) in `active`. */
    readonly active_agents: number;
    /** Agents (not PMs) in `idle`. */
    readonly idle_agents: number;
    readonly cycle_count: number;
    /** Duration of the last cycle, ms; null before the first. */
    readonly last_cycle_time: number | null;
    /** Failed server cycles and failed actions, since start. */
    readonly errors_detected: number;
  };
  /** Name of the strategy running (`polling` after a fallback to exec). */
  readonly current_strategy: string | null;
  /** Set when the monitor runs `polling` on the exec transport because control mode could not start. */
  readonly fallback: string | null;
  /** Hook commands (`notifications.hooks`): running now, waiting for a slot, never run (queue full or stopped). */
  readonly hooks: { readonly running: number; readonly queued: number; readonly dropped: number };
  /** Each notification channel (`notifications.channels`): sent, dropped, retries, fallbacks, suppressed, pending. */
  readonly notifications: readonly ChannelStats[];
  /** Reports kept back because the PM pane was not safe to type into (a shell runs there), by session. */
  readonly held_reports: readonly { readonly session: string; readonly pm: string; readonly reason: string; readonly text: string; readonly since: string }[];
  /** Pool counters, summed over the servers. */
  readonly connection_pool: PoolMetrics | null;
  /** Counters of each cache layer. */
  readonly cache_performance: Readonly<Record<string, LayerStats>>;
  /** Cycles skipped because the previous one was still running. */
  readonly skipped_cycles: number;
  /** ISO time of the end of the last cycle. */
  readonly last_cycle_at: string | null;
  /** Failed cycles in a row and the last error: a daemon whose cycles keep failing says why here. */
  readonly cycle_failures: CycleFailureStatus;
  readonly servers: readonly ServerStatus[];
  /** Every monitored pane, PMs included, by session then window. */
  readonly agents: readonly AgentStatus[];
}
