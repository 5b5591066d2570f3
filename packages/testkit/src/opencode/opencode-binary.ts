import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { execa } from 'execa';

/** The opencode executable installed with `@tmux-orc/testkit` (npm `opencode-ai`), and its version. */
export interface OpencodeBinary {
  readonly path: string;
  /** What `opencode --version` printed, e.g. `1.18.33`. */
  readonly version: string;
}

/** Either the binary, or why it cannot be used (for a skip message). */
export type OpencodeBinaryLookup = { readonly ok: true; readonly binary: OpencodeBinary } | { readonly ok: false; readonly reason: string };

/**
 * Finds the native opencode binary of the platform package (`opencode-linux-x64`, an optional
 * dependency of `opencode-ai`, whose `bin/opencode` is a Node launcher that spawns it). Run
 * directly, the pane runs no Node wrapper. Never throws.
 */
export async function findOpencodeBinary(): Promise<OpencodeBinaryLookup> {
  const platform = `${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  let wrapper: string;
  try {
    wrapper = createRequire(import.meta.url).resolve('opencode-ai/package.json');
  } catch (cause) {
    return { ok: false, reason: `opencode-ai is not installed next to @tmux-orc/testkit (${String(cause)})` };
  }
  let path: string;
  try {
    path = join(dirname(createRequire(wrapper).resolve(`opencode-${platform}/package.json`)), 'bin', 'opencode');
  } catch (cause) {
    return { ok: false, reason: `the platform package opencode-${platform} is not installed (${String(cause)})` };
  }
  if (!existsSync(path)) return { ok: false, reason: `${path}: missing` };
  const result = await execa(path, ['--version'], { reject: false, timeout: 30_000, stdin: 'ignore' });
  const version = /(\d+\.\d+\.\d+)/u.exec(result.stdout)?.[1];
  if (result.exitCode === 0 && version !== undefined) return { ok: true, binary: { path, version } };
  return { ok: false, reason: `${path} --version exited ${String(result.exitCode)}: ${result.stderr.slice(0, 200)}` };
}
