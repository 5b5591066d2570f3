import { fileURLToPath } from 'node:url';
import { shellQuote } from './shell-quote.js';

// `src/` and `dist/` both sit one level below the package root, next to `bin/` and `screens/`.
/** Absolute path of `bin/sim-agent.sh`, the simulated agent (POSIX sh). */
export const simAgentPath: string = fileURLToPath(new URL('../bin/sim-agent.sh', import.meta.url));

/** Absolute path of the screens shipped with the test kit (`screens/<name>.txt`). */
export const simAgentScreensDir: string = fileURLToPath(new URL('../screens', import.meta.url));

/** Options of {@link simAgentCommand}. */
export interface SimAgentCommandOptions {
  /** Screen drawn at start (`<screensDir>/<screen>.txt`); default `idle`. */
  screen?: string;
  /** Directory of the screens; default {@link simAgentScreensDir}. */
  screensDir?: string;
  /** Append every line typed into the agent to this file (a PM that receives reports). */
  record?: string;
  /**
   * Run under this process name (`#{pane_current_command}`) instead of `sh`, as a real agent CLI
   * does: the monitor types reports only into a pane whose foreground process is not a shell. Use
   * {@link simAgentProcessName} for a PM. Default: plain `sh` (the shell detector reads the
   * placeholder screens then).
   */
  processName?: string;
}

/** The process name of a simulated agent that must look like an agent CLI, not a shell. */
export const simAgentProcessName = 'tmux-orc-sim-agent';

/**
 * The shell command that starts one simulated agent, for `newWindow({ command })` or
 * `spawnAgents({ command })`. It `exec`s, so each agent costs exactly one `sh` process (with
 * `processName`, bash starts it under that name with `exec -a` and is gone).
 */
export function simAgentCommand(options: SimAgentCommandOptions = {}): string {
  const script = [
    shellQuote(simAgentPath),
    '--screens', shellQuote(options.screensDir ?? simAgentScreensDir),
    '--screen', shellQuote(options.screen ?? 'idle'),
    ...(options.record === undefined ? [] : ['--record', shellQuote(options.record)]),
  ].join(' ');
  if (options.processName === undefined) return `exec /bin/sh ${script}`;
  return `exec /bin/bash -c ${shellQuote(`exec -a ${shellQuote(options.processName)} /bin/sh ${script}`)}`;
}
