import type { AgentDetector } from './agent-detector.js';
import { DetectorError } from './detector-error.js';
import { DetectorLoadError } from './detector-load-error.js';
import { loadDetector, type LoadDetectorOptions } from './load-detector.js';
import { mergeDetectors, type LabelledDetector } from './merge-detectors.js';

/** One entry of config's `detectors` list. */
export interface DetectorEntry {
  /** A package (`opencode` → `@tmux-orc/detector-opencode`, `tmux-orc-detector-opencode`) or a module path. */
  readonly name: string;
  /** The plugin's options, as written in config. */
  readonly options?: Readonly<Record<string, unknown>>;
}

/** Options of {@link loadDetectors}: where to look, and the built-ins the plugins go before. */
export interface LoadDetectorsOptions extends LoadDetectorOptions {
  /** The built-in detectors (`builtinDetectors` of `@tmux-orc/health-checker`). */
  readonly builtins: readonly AgentDetector[];
}

function lookedOf(error: object): readonly string[] {
  const looked = (error as { looked?: unknown }).looked;
  return Array.isArray(looked) ? looked.filter((place): place is string => typeof place === 'string') : [];
}

/** The same error, its message prefixed with where in config it comes from. */
function located(error: unknown, label: string, name: string): unknown {
  if (!DetectorError.isInstance(error)) return error;
  const message = `${label}: ${error.message}`;
  if (error.code === 'INVALID_OPTION') return new DetectorError('INVALID_OPTION', message, { cause: error });
  if (error.code === 'INVALID_FIXTURE') return error;
  return new DetectorLoadError(error.code, name, message, { cause: error, looked: lookedOf(error) });
}

/**
 * Loads every plugin config lists (`detectors: [{ name, options }]`) and returns them before the
 * built-ins (see `mergeDetectors`). Each error names its entry, e.g. ``detectors[1] (`opencode`):
 * Expected … `` or ``detectors[1].options: Expected the `comands` option …``.
 *
 * @example
 * const detectors = await loadDetectors(config.detectors, { builtins: builtinDetectors, importModule: (s) => import(s) });
 */
export async function loadDetectors(entries: readonly DetectorEntry[], options: LoadDetectorsOptions): Promise<AgentDetector[]> {
  const plugins: LabelledDetector[] = [];
  for (const [index, entry] of entries.entries()) {
    const label = `detectors[${index}] (\`${entry.name}\`)`;
    try {
      plugins.push({ label, name: entry.name, detector: await loadDetector(entry.name, entry.options ?? {}, options) });
    } catch (error) {
      throw located(error, DetectorError.isInstance(error) && error.code === 'INVALID_OPTION' ? `detectors[${index}].options` : label, entry.name);
    }
  }
  return mergeDetectors(plugins, options.builtins);
}
