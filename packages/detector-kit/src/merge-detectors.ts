import type { AgentDetector } from './agent-detector.js';
import { DetectorLoadError } from './detector-load-error.js';

/** A plugin detector with where it came from, for messages: `detectors[0] (\`opencode\`)`. */
export interface LabelledDetector {
  readonly label: string;
  readonly name: string;
  readonly detector: AgentDetector;
}

/**
 * The detectors a checker chooses from: plugins first (in config order, so they win a tie in
 * `matches`), then the built-ins. A plugin may replace a built-in of the same id only when it says
 * so (`overridesBuiltin: true`); otherwise, or when two plugins share an id, `DUPLICATE_DETECTOR`.
 */
export function mergeDetectors(plugins: readonly LabelledDetector[], builtins: readonly AgentDetector[]): AgentDetector[] {
  const seen = new Map<string, LabelledDetector>();
  const builtinIds = new Set(builtins.map((detector) => detector.id));
  for (const plugin of plugins) {
    const { id } = plugin.detector;
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      throw new DetectorLoadError('DUPLICATE_DETECTOR', plugin.name, `Expected each detector id once, got \`${id}\` from ${earlier.label} and from ${plugin.label}`);
    }
    if (builtinIds.has(id) && plugin.detector.overridesBuiltin !== true) {
      throw new DetectorLoadError(
        'DUPLICATE_DETECTOR',
        plugin.name,
        `Expected ${plugin.label} to have an id no built-in detector has, or to say \`overridesBuiltin: true\`, got id \`${id}\` (a built-in) without it`,
      );
    }
    seen.set(id, plugin);
  }
  return [...plugins.map((plugin) => plugin.detector), ...builtins.filter((detector) => !seen.has(detector.id))];
}
