/**
 * The pane facts a detector reads: a structural subset of tmux-pool's `PaneInfo`, so the monitor
 * passes its panes as they are and tests build one by hand (`testDetectorPane` in `/testing`).
 */
export interface DetectorPane {
  /** tmux's `pane_dead`: the pane's process has exited and the pane stayed (remain-on-exit). */
  readonly dead: boolean;
  /** tmux's `pane_dead_status`, null when unknown. */
  readonly deadStatus: number | null;
  /** tmux's `pane_current_command`, e.g. `claude`, `node`, `bash`. */
  readonly currentCommand: string;
  /** tmux's `pane_title`, which many agent CLIs set. */
  readonly title: string;
  /** The `@tmux-orc-agent` user option (a detector id, e.g. `claude-code`); null when unset. */
  readonly agentOption: string | null;
  /** tmux's `pane_start_command` when the listing asked for it: what still tells an agent ran after it exited. */
  readonly startCommand?: string | null;
}
