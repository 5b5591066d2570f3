import type { AgentDetector } from './agent-detector.js';
import { guardDetector } from './guard-detector.js';
import { importDetectorModule } from './import-detector-module.js';
import { createValidatedDetector, factoryOfModule } from './validate-detector.js';

/** Options of {@link loadDetector}. */
export interface LoadDetectorOptions {
  /**
   * Imports a module by specifier (a package name or a `file:` URL). Pass `(s) => import(s)` written
   * in your own package (the monitor, the CLI) so the plugins it depends on are found. Default:
   * `import()` from `@tmux-orc/detector-kit`.
   */
  readonly importModule?: (specifier: string) => Promise<unknown>;
  /** Where relative module paths start, and whose `node_modules` are searched next. Default: `process.cwd()`. */
  readonly cwd?: string;
}

const defaultImport = (specifier: string): Promise<unknown> => import(specifier);

/**
 * Loads the detector plugin config names (`detectors: [{ name, options }]`) and creates it with
 * `options`: a module path (absolute, `./…` relative to `cwd`, a `file:` URL) or a package (`x` is
 * `@tmux-orc/detector-x`, then `tmux-orc-detector-x`). The module exports a {@link DetectorFactory}
 * as `createDetector` or `default`; what it returns must be an `AgentDetector` v1. Every failure is a
 * `DetectorLoadError` naming the module and what is wrong; bad options, the factory's own
 * `INVALID_OPTION` error. The detector comes back guarded (`guardDetector`): it cannot break a cycle.
 *
 * @example
 * const detector = await loadDetector('opencode', { commands: ['opencode'] }, { importModule: (s) => import(s) });
 */
export async function loadDetector(
  name: string,
  options: Readonly<Record<string, unknown>> = {},
  loadOptions: LoadDetectorOptions = {},
): Promise<AgentDetector> {
  const context = { importModule: loadOptions.importModule ?? defaultImport, cwd: loadOptions.cwd ?? process.cwd() };
  const { exports, source } = await importDetectorModule(name, context);
  return guardDetector(createValidatedDetector(name, source, factoryOfModule(name, source, exports), options));
}
