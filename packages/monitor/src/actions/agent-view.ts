import type { Config } from '@tmux-orc/config';
import type { HealthResult } from '@tmux-orc/health-checker';
import type { MonitoredPane } from '@tmux-orc/strategies';
import type { Logger, TmuxRunner } from '@tmux-orc/tmux-pool';
import type { AgentTransition } from '../agent-state-tracker.js';
import type { WallClock } from '@tmux-orc/clock';
import type { ActionState } from '../state-file.js';

/** One monitored pane as the actions see it in a cycle. */
export interface AgentView {
  readonly agentId: string;
  /** What its persisted counters are keyed by (`agentStateKey`): survives a tmux server restart. */
  readonly stateKey: string;
  readonly pane: MonitoredPane;
  readonly result: HealthResult;
  /** Runs tmux commands on the pane's server. */
  readonly runner: TmuxRunner;
  /** This cycle's transition of the pane, if its state changed. */
  readonly transition: AgentTransition | undefined;
  /** The label of the pane's server (`-L work`, `-S path`, `(default)`); absent: the default server. */
  readonly serverLabel?: string;
  /** The host the pane's server runs on; absent: `local`. */
  readonly host?: string;
}

/** What every action gets: config, time, logging, and the persisted counters it may change. */
export interface ActionContext {
  readonly config: Config;
  /** Wall clock: cooldowns and pauses are stored as epoch ms in `state.json`. */
  readonly clock: WallClock;
  readonly logger: Logger;
  /** Cooldowns and attempt counters; the monitor writes it to `state.json` after each cycle. */
  readonly state: ActionState;
}

/** A line for the PM's batched report. */
export interface ReportItem {
  /** The agent it is about; null for a session-wide alert. */
  readonly agentId: string | null;
  /** The agent's state key (cooldowns are kept by it); null for a session-wide alert. */
  readonly stateKey: string | null;
  readonly session: string;
  /** The state it reports (cooldown key), or an alert kind such as `missing` / `team_idle`. */
  readonly kind: string;
  readonly text: string;
  /** The agent's label (`dev (sess:1)`) in a line about its state or a missing alert, so several lines of one kind can be rolled up into one. */
  readonly subject?: string;
  /**
   * True for an event (a restart, an alert): it is sent even when the agent's state has moved on
   * by the time the PM can take it. Other lines are dropped once they are no longer true.
   */
  readonly event?: boolean;
}
