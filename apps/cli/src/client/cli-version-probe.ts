import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { AgentCliBinary } from './agent-cli-binaries.js';
import type { ProcessEntry } from './process-tree.js';

/** A CLI version and how it was found. */
export interface ProbedVersion {
  readonly version: string;
  /** `package.json` (of the npm package holding the executable or script), `install path`, or `--version`. */
  readonly source: 'package.json' | 'install path' | '--version';
  /** The pid of the process it was read from. */
  readonly pid: number;
}

const VERSION = /(\d+\.\d+\.\d+)/u;

/** The version in the nearest `package.json` above `path` whose name `packages` accepts. */
async function packageVersion(path: string, packages: RegExp): Promise<string | null> {
  for (let dir = dirname(path), depth = 0; depth < 8 && dir !== dirname(dir); dir = dirname(dir), depth += 1) {
    const text = await readFile(join(dir, 'package.json'), 'utf8').catch(() => null);
    if (text === null) continue;
    const manifest = JSON.parse(text) as { name?: unknown; version?: unknown };
    if (typeof manifest.name === 'string' && packages.test(manifest.name) && typeof manifest.version === 'string') return VERSION.exec(manifest.version)?.[1] ?? null;
  }
  return null;
}

function askVersion(path: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(path, ['--version'], { timeout: 5_000, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout) => resolve(error === null ? (VERSION.exec(stdout)?.[1] ?? null) : null));
  });
}

/** The absolute paths a process runs: its executable, `argv[0]`, and the script an interpreter was given. */
function pathsOf(entry: ProcessEntry): string[] {
  return [entry.exe, ...entry.argv.slice(0, 2)].filter((path): path is string => path !== null && path !== undefined && isAbsolute(path));
}

/**
 * The version of `cli` run by one of `processes` (a pane's process and its descendants): from the
 * `package.json` of the npm package holding its executable or script, from a versioned install
 * path, or as a last resort by running the executable (or script) named like the CLI with
 * `--version` (`asked` caches answers by path).
 */
export async function probeCliVersion(processes: readonly ProcessEntry[], cli: AgentCliBinary, asked = new Map<string, Promise<string | null>>()): Promise<ProbedVersion | null> {
  for (const entry of processes) {
    for (const path of pathsOf(entry)) {
      const version = cli.packages === null ? null : await packageVersion(path, cli.packages);
      if (version !== null) return { version, source: 'package.json', pid: entry.pid };
      const installed = cli.versionedPath?.exec(path)?.[1];
      if (installed !== undefined) return { version: installed, source: 'install path', pid: entry.pid };
    }
  }
  for (const entry of processes) {
    // The executable itself, or the script an interpreter runs (`python3 /usr/local/bin/aider`).
    const named = pathsOf(entry).find((path) => cli.names.includes(basename(path)));
    if (named === undefined) continue;
    const pending = asked.get(named) ?? askVersion(named);
    asked.set(named, pending);
    const version = await pending;
    if (version !== null) return { version, source: '--version', pid: entry.pid };
  }
  return null;
}
