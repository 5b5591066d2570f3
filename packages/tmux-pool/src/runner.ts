/** Options for one tmux command. */
export interface RunOptions {
  /** Milliseconds to wait for tmux's answer before failing with `TmuxTimeoutError`. */
  readonly timeoutMs?: number;
}

/**
 * Anything that runs one tmux command (argv without the leading `tmux`) and resolves with the lines
 * it printed. Connections and the pool implement it; helpers such as `listPanes` take any runner.
 */
export interface TmuxRunner {
  run(args: readonly string[], options?: RunOptions): Promise<string[]>;
}

/** A runner that owns resources and must be closed. */
export interface TmuxConnection extends TmuxRunner {
  /** `control` for a persistent `tmux -C` client, `exec` for one process per command. */
  readonly transport: 'control' | 'exec';
  /** Commands sent and not yet answered. */
  readonly inFlight: number;
  /** False once the connection failed or was closed; the pool then replaces it. */
  readonly healthy: boolean;
  close(): Promise<void>;
}
