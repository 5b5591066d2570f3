/** One pane as `list-panes -a` reports it. */
export interface PaneInfo {
  /** Pane id, `%3`: stable for the pane's life, the key everything else uses. */
  readonly id: string;
  /** `session:window.pane`, for messages and `-t`. */
  readonly target: string;
  readonly session: string;
  readonly windowIndex: number;
  readonly windowName: string;
  readonly paneIndex: number;
  /** True when the pane's command exited and the pane stayed (remain-on-exit). */
  readonly dead: boolean;
  /** Exit status of a dead pane's command. */
  readonly deadStatus: number | null;
  readonly pid: number | null;
  /** The foreground process of the pane (`claude`, `bash`, …). */
  readonly currentCommand: string;
  /** `pane_title`, which many agent CLIs set (`✳ Claude Code`). */
  readonly title: string;
  /** Seconds since the epoch of the window's last output: moves whenever the pane prints. */
  readonly windowActivity: number;
  /** The `@tmux-orc-agent` user option (pane, else window), naming the agent CLI; null when unset. */
  readonly agentOption: string | null;
  /** The user options asked for with `ListPanesOptions.userOptions`, by name; null when unset. */
  readonly userOptions?: Readonly<Record<string, string | null>>;
}
