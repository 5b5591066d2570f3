// tmux's facts about a pane and the runner of tmux commands, as the contract sees them: the same
// shapes as `@tmux-orc/tmux-pool`'s and `@tmux-orc/health-checker`'s (proven equal in
// `contract-types.test.ts`), declared here so plugins need only this package.

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
  /** User options the listing asked for, by name; null when unset. */
  readonly userOptions?: Readonly<Record<string, string | null>>;
}

/** What a checker needs of a pane to capture and classify it. */
export interface CheckedPane {
  /** Pane id, `%3`. */
  readonly id: string;
  /** `session:window.pane`, for messages. */
  readonly target: string;
  /** `window_activity`, seconds since the epoch; moves whenever the pane prints. */
  readonly windowActivity: number;
  /** tmux's `pane_dead`. */
  readonly dead: boolean;
  /** tmux's `pane_dead_status`, null when unknown. */
  readonly deadStatus: number | null;
  /** tmux's `pane_current_command`, e.g. `claude`, `node`, `bash`. */
  readonly currentCommand: string;
  /** tmux's `pane_title`. */
  readonly title: string;
  /** The `@tmux-orc-agent` user option, e.g. `claude-code`; null when unset. */
  readonly agentOption: string | null;
  /** tmux's `pane_start_command`, when the listing asked for it. */
  readonly startCommand?: string | null;
}

/** Options for one tmux command. */
export interface RunOptions {
  /** Milliseconds to wait for tmux's answer before failing. */
  readonly timeoutMs?: number;
}

/** Runs one tmux command (argv without the leading `tmux`) and resolves with the lines it printed. */
export interface TmuxRunner {
  run(args: readonly string[], options?: RunOptions): Promise<string[]>;
}
