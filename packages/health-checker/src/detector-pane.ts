/**
 * The pane facts detectors read. A structural subset of `PaneInfo` from `@tmux-orc/tmux-pool`,
 * so a `PaneInfo` can be passed as is, and tests can build one by hand.
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
  /** The `@tmux-orc-agent` user option, e.g. `claude-code`; null when unset. */
  readonly agentOption: string | null;
  /**
   * tmux's `pane_start_command`, e.g. `claude --permission-mode default; exec sh`, when the
   * listing asked for it. After an agent exits and its shell is cleared, it is what still tells
   * an agent ran in the pane.
   */
  readonly startCommand?: string | null;
}
