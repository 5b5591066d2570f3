import type { Config } from '@tmux-orc/config';
import { loadDetectors, type AgentDetector, type DetectorEntry } from '@tmux-orc/detector-kit';
import { builtinDetectors } from '@tmux-orc/health-checker';
import { MonitorError } from './monitor-error.js';

/** Config's `detectors` entries as the loader takes them: a bare name is `{ name }`. */
export function detectorEntries(config: Config): DetectorEntry[] {
  return config.detectors.map((entry) => (typeof entry === 'string' ? { name: entry } : entry));
}

/**
 * Loads config's detector plugins, before the built-ins (see `loadDetectors`), with `import()` of
 * this package and the `node_modules` above `cwd`. Rejects with the loader's error, naming the entry.
 */
export function loadConfiguredDetectors(config: Config, cwd?: string): Promise<AgentDetector[]> {
  return loadDetectors(detectorEntries(config), {
    builtins: builtinDetectors,
    importModule: (specifier) => import(specifier),
    ...(cwd === undefined ? {} : { cwd }),
  });
}

/**
 * The detectors the monitor's checkers choose from: `injected` when given, else config's plugins
 * and the built-ins, loaded on first use. A failed load rejects with `DETECTORS_UNAVAILABLE`
 * (naming the entry) and is tried again at the next cycle.
 */
export function createDetectorSource(config: Config, injected?: readonly AgentDetector[]): () => Promise<readonly AgentDetector[]> {
  let loading: Promise<readonly AgentDetector[]> | undefined;
  return () => {
    if (injected !== undefined) return Promise.resolve(injected);
    loading ??= loadConfiguredDetectors(config).catch((error: unknown) => {
      loading = undefined;
      const message = error instanceof Error ? error.message : String(error);
      throw new MonitorError('DETECTORS_UNAVAILABLE', `Expected to load the detector plugins of \`detectors\`, got: ${message}`, { cause: error });
    });
    return loading;
  };
}
