import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { CliError } from './cli-error.js';

/** The nearest ancestor of `path` that exists (`path` itself when it does). */
function nearestExisting(path: string): string {
  let current = path;
  while (!existsSync(current) && dirname(current) !== current) current = dirname(current);
  return current;
}

/**
 * Creates `dir` (and its missing parents, mode 0700) or throws a {@link CliError} that says why it cannot be used. Node's
 * recursive mkdir reports a read-only file system as `ENOENT`, and retries forever under `/proc`; the
 * nearest existing ancestor tells the real reason (a file where a directory is expected, or not
 * writable), so that is asked first.
 */
export function ensureWritableDirectory(dir: string, what: string): void {
  const existing = nearestExisting(dir);
  const problem = (actual: string, cause?: unknown): CliError =>
    new CliError('HOME_NOT_WRITABLE', `Expected the ${what} ${dir} to be a writable directory, got ${actual}`, { cause });
  if (!statSync(existing).isDirectory()) throw problem(`${existing} is not a directory`);
  try {
    accessSync(existing, constants.W_OK);
  } catch (error) {
    throw problem(`${existing} not writable (${(error as NodeJS.ErrnoException).code ?? String(error)})`, error);
  }
  // One level at a time, not `recursive: true`: that one retries forever where mkdir says ENOENT under an existing parent (/proc).
  const missing: string[] = [];
  for (let current = dir; current !== existing; current = dirname(current)) missing.unshift(current);
  for (const level of missing) {
    try {
      mkdirSync(level, 0o700);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw problem(`${code ?? String(error)} creating ${level}`, error);
    }
  }
}
