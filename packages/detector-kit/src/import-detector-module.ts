import { existsSync } from 'node:fs';
import { isAbsolute, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve as resolveModule } from 'import-meta-resolve';
import { DetectorLoadError } from './detector-load-error.js';
import { detectorModuleName } from './detector-module-name.js';

/** Where to look for a detector module, and how to import it. */
export interface ImportContext {
  readonly importModule: (specifier: string) => Promise<unknown>;
  readonly cwd: string;
}

/** A detector module found and imported: its exports and the package or path it came from. */
export interface ImportedDetectorModule {
  readonly exports: unknown;
  readonly source: string;
}

/** True when `error` says `specifier` itself was not found (not a module it imports). */
function isNotFound(error: unknown, specifier: string): boolean {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== 'ERR_MODULE_NOT_FOUND') return false;
  return error.message.includes(`'${specifier}'`) || error.message.includes(`'${specifier}/`);
}

function importFailed(name: string, source: string, error: unknown): DetectorLoadError {
  const reason = error instanceof Error ? error.message : String(error);
  return new DetectorLoadError('PLUGIN_IMPORT_FAILED', name, `Expected to import detector module \`${source}\`, but it failed: ${reason}`, { cause: error });
}

async function importOrFail(name: string, source: string, specifier: string, context: ImportContext): Promise<ImportedDetectorModule> {
  try {
    return { exports: await context.importModule(specifier), source };
  } catch (error) {
    throw importFailed(name, source, error);
  }
}

/** Imports the module of a path name, relative to `cwd`. */
async function importPath(name: string, path: string, context: ImportContext): Promise<ImportedDetectorModule> {
  const url = path.startsWith('file:') ? new URL(path) : pathToFileURL(isAbsolute(path) ? path : resolvePath(context.cwd, path));
  const file = fileURLToPath(url);
  if (!existsSync(file)) throw new DetectorLoadError('DETECTOR_NOT_FOUND', name, `Expected detector module \`${name}\` at ${file}, found no such file`, { looked: [file] });
  return importOrFail(name, name, url.href, context);
}

/**
 * Finds and imports the module a detector name stands for (see `detectorModuleName`): each
 * candidate package through `importModule` (the host's own dependencies), then in the
 * `node_modules` above `cwd`. A name found nowhere rejects with `DETECTOR_NOT_FOUND` listing every
 * place looked; a module that throws while importing, with `PLUGIN_IMPORT_FAILED`.
 */
export async function importDetectorModule(name: string, context: ImportContext): Promise<ImportedDetectorModule> {
  if (name.trim() === '') throw new DetectorLoadError('DETECTOR_NOT_FOUND', name, 'Expected a detector name (a package or a module path), got an empty string');
  const moduleName = detectorModuleName(name);
  if (moduleName.kind === 'path') return importPath(name, moduleName.path, context);
  const looked: string[] = [];
  const parent = pathToFileURL(resolvePath(context.cwd, 'package.json')).href;
  for (const candidate of moduleName.candidates) {
    try {
      return { exports: await context.importModule(candidate), source: candidate };
    } catch (error) {
      if (!isNotFound(error, candidate)) throw importFailed(name, candidate, error);
      looked.push(`\`${candidate}\` from tmux-orc's own dependencies`);
    }
    let url: string;
    try {
      url = resolveModule(candidate, parent);
    } catch (error) {
      if (!isNotFound(error, candidate)) throw importFailed(name, candidate, error);
      looked.push(`\`${candidate}\` from ${context.cwd}`);
      continue;
    }
    return importOrFail(name, candidate, url, context);
  }
  throw new DetectorLoadError('DETECTOR_NOT_FOUND', name, `Expected detector \`${name}\` to be an installed plugin, found none; looked for ${looked.join(', ')}`, { looked });
}
