import { existsSync } from 'node:fs';
import { isAbsolute, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve as resolveModule } from 'import-meta-resolve';
import { builtinStrategies } from './builtin-strategies.js';
import type { MonitoringStrategy, StrategyFactory } from './monitoring-strategy.js';
import { StrategyLoadError } from './strategy-load-error.js';
import { strategyModuleName } from './strategy-module-name.js';
import { createValidatedStrategy, factoryOfModule } from './validate-strategy.js';

/** Options of {@link loadStrategy}. */
export interface LoadStrategyOptions {
  /**
   * Imports a module by specifier (a package name or a `file:` URL). Bare package names resolve
   * from where this function lives, so pass `(specifier) => import(specifier)` written in your own
   * package (the monitor, the CLI) to find the plugins it depends on. Default: `import()` from
   * `@tmux-orc/strategies`.
   */
  readonly importModule?: (specifier: string) => Promise<unknown>;
  /** Where relative module paths start, and whose `node_modules` are searched next. Default: `process.cwd()`. */
  readonly cwd?: string;
  /** The strategies known by name without importing anything. Default: {@link builtinStrategies}. */
  readonly builtins?: Readonly<Record<string, StrategyFactory>>;
}

const defaultImport = (specifier: string): Promise<unknown> => import(specifier);

/** True when `error` says `specifier` itself was not found (not a module it imports). */
function isNotFound(error: unknown, specifier: string): boolean {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== 'ERR_MODULE_NOT_FOUND') return false;
  return error.message.includes(`'${specifier}'`) || error.message.includes(`'${specifier}/`);
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Loads the strategy config names, and creates it with `options` (`monitoring.async.strategy_options`).
 *
 * - a built-in name (`polling`, `concurrent`);
 * - a module path: absolute, relative to `cwd` (`./my-strategy.js`), or a `file:` URL;
 * - else a package: `x` is looked for as `@tmux-orc/strategy-x`, then `tmux-orc-strategy-x`
 *   (a scoped or full `tmux-orc-strategy-*` name as itself), first through `importModule`, then
 *   in the `node_modules` above `cwd`.
 *
 * The module must export a {@link StrategyFactory} as `createStrategy` or `default`; what it returns
 * must be a `MonitoringStrategy` v1. Anything else rejects with a {@link StrategyLoadError} naming
 * the package or path and what is missing or wrong; a name found nowhere lists every place looked.
 * Invalid options reject with the factory's own `INVALID_OPTION` error.
 *
 * @example
 * const strategy = await loadStrategy(config.monitoring.async.strategy, config.monitoring.async.strategy_options, {
 *   importModule: (specifier) => import(specifier),
 * });
 */
export async function loadStrategy(
  name: string,
  options: Readonly<Record<string, unknown>> = {},
  loadOptions: LoadStrategyOptions = {},
): Promise<MonitoringStrategy> {
  const builtins = loadOptions.builtins ?? builtinStrategies;
  const importModule = loadOptions.importModule ?? defaultImport;
  const cwd = loadOptions.cwd ?? process.cwd();
  const builtinNames = Object.keys(builtins).map((n) => `\`${n}\``).join(', ');

  if (name.trim() === '') {
    throw new StrategyLoadError('STRATEGY_NOT_FOUND', name, `Expected a strategy name (${builtinNames}, a package or a module path), got an empty string`);
  }
  const builtin = Object.hasOwn(builtins, name) ? builtins[name] : undefined;
  if (builtin !== undefined) return createValidatedStrategy(name, name, builtin, options);

  const moduleName = strategyModuleName(name);
  if (moduleName.kind === 'path') {
    const url = moduleName.path.startsWith('file:') ? new URL(moduleName.path) : pathToFileURL(isAbsolute(moduleName.path) ? moduleName.path : resolvePath(cwd, moduleName.path));
    const file = fileURLToPath(url);
    if (!existsSync(file)) {
      throw new StrategyLoadError('STRATEGY_NOT_FOUND', name, `Expected strategy module \`${name}\` at ${file}, found no such file`, { looked: [file] });
    }
    const exports = await importOrFail(name, name, url.href, importModule);
    return createValidatedStrategy(name, name, factoryOfModule(name, name, exports), options);
  }

  const looked: string[] = [];
  const cwdUrl = pathToFileURL(resolvePath(cwd, 'package.json')).href;
  for (const candidate of moduleName.candidates) {
    let exports: unknown;
    let found = false;
    try {
      exports = await importModule(candidate);
      found = true;
    } catch (error) {
      if (!isNotFound(error, candidate)) throw importFailed(name, candidate, error);
      looked.push(`\`${candidate}\` from tmux-orc's own dependencies`);
    }
    if (!found) {
      let url: string | undefined;
      try {
        url = resolveModule(candidate, cwdUrl);
      } catch (error) {
        if (!isNotFound(error, candidate)) throw importFailed(name, candidate, error);
        looked.push(`\`${candidate}\` from ${cwd}`);
      }
      if (url === undefined) continue;
      exports = await importOrFail(name, candidate, url, importModule);
    }
    return createValidatedStrategy(name, candidate, factoryOfModule(name, candidate, exports), options);
  }
  throw new StrategyLoadError(
    'STRATEGY_NOT_FOUND',
    name,
    `Expected strategy \`${name}\` to be a built-in (${builtinNames}) or an installed plugin, found none; looked for ${looked.join(', ')}`,
    { looked },
  );
}

function importFailed(name: string, source: string, error: unknown): StrategyLoadError {
  return new StrategyLoadError('PLUGIN_IMPORT_FAILED', name, `Expected to import strategy module \`${source}\`, but it failed: ${reasonOf(error)}`, { cause: error });
}

async function importOrFail(name: string, source: string, specifier: string, importModule: (specifier: string) => Promise<unknown>): Promise<unknown> {
  try {
    return await importModule(specifier);
  } catch (error) {
    throw importFailed(name, source, error);
  }
}
