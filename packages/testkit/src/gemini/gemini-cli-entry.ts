import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { execa } from 'execa';

/** The Gemini CLI entry script found in node_modules, and the version it reports. */
export interface GeminiCli {
  /** Absolute path of `bundle/gemini.js` (a `#!/usr/bin/env node` script). */
  readonly path: string;
  /** What `gemini --version` printed, e.g. `0.61.0`. */
  readonly version: string;
}

/** Either the CLI, or the reason it cannot be used (for a skip message). */
export type GeminiCliLookup = { readonly ok: true; readonly cli: GeminiCli } | { readonly ok: false; readonly reason: string };

/**
 * Finds the Gemini CLI installed with `@tmux-orc/testkit` (npm `@google/gemini-cli`, pinned), or
 * takes `path` (another `gemini` executable), and checks that `--version` runs. Never throws: a
 * failure is returned with a reason a skipped test can print.
 */
export async function findGeminiCli(options: { readonly path?: string } = {}): Promise<GeminiCliLookup> {
  let path = options.path;
  if (path === undefined) {
    try {
      const manifest = createRequire(import.meta.url).resolve('@google/gemini-cli/package.json');
      path = join(dirname(manifest), 'bundle', 'gemini.js');
    } catch (cause) {
      return { ok: false, reason: `@google/gemini-cli is not installed next to @tmux-orc/testkit (${String(cause)})` };
    }
  }
  if (!existsSync(path)) return { ok: false, reason: `no Gemini CLI at ${path}` };
  // NO_RELAUNCH: answer from this process instead of re-spawning node with a bigger heap first.
  const result = await execa(path, ['--version'], { reject: false, timeout: 30_000, stdin: 'ignore', env: { GEMINI_CLI_NO_RELAUNCH: 'true' } });
  const version = /^(\d+\.\d+\.\d+\S*)/.exec(result.stdout.trim())?.[1];
  if (result.exitCode === 0 && version !== undefined) return { ok: true, cli: { path, version } };
  return { ok: false, reason: `${path} --version: exit ${String(result.exitCode)} ${(result.stderr || result.stdout).trim().split('\n')[0] ?? ''}` };
}
