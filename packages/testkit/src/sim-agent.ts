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
}

/**
 * The shell command that starts one simulated agent, for `newWindow({ command })` or
 * `spawnAgents({ command })`. It `exec`s, so each agent costs exactly one `sh` process.
 */
export function simAgentCommand(options: SimAgentCommandOptions = {}): string {
  return [
    'exec', '/bin/sh', shellQuote(simAgentPath),
    '--screens', shellQuote(options.screensDir ?? simAgentScreensDir),
    '--screen', shellQuote(options.screen ?? 'idle'),
  ].join(' ');
}
