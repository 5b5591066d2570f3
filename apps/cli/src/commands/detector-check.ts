import type { Config } from '@tmux-orc/config';
import { loadConfiguredDetectors } from '@tmux-orc/monitor';

/** What loading config's detector plugins gave: the detectors in the order the checker tries them, or the problem. */
export interface DetectorCheck {
  /** Detector ids, plugins first, e.g. `['opencode', 'claude-code', …, 'shell']`; empty when a plugin failed. */
  readonly ids: readonly string[];
  /** How many of them are plugins (the first ones). */
  readonly plugins: number;
  /** The problem as one line naming the entry (``detectors[0] (`opencode`): Expected …``), or null. */
  readonly problem: string | null;
}

/**
 * Loads config's `detectors` plugins with their options, as the daemon does, before anything runs:
 * `config validate`, `monitor start` and its `--dry-run` exit 2 on a problem.
 */
export async function checkDetectors(config: Config, cwd?: string): Promise<DetectorCheck> {
  try {
    const detectors = await loadConfiguredDetectors(config, cwd);
    return { ids: detectors.map((d) => d.id), plugins: config.detectors.length, problem: null };
  } catch (error) {
    return { ids: [], plugins: 0, problem: error instanceof Error ? error.message : String(error) };
  }
}

/** `opencode (plugin), claude-code, codex, …`: the detectors line of `--dry-run`. */
export function describeDetectors(check: DetectorCheck): string {
  return check.ids.map((id, index) => (index < check.plugins ? `${id} (plugin)` : id)).join(', ');
}
