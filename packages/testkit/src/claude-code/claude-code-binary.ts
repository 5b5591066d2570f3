import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { execa } from 'execa';

/** The native Claude Code executable found in node_modules, and the version it reports. */
export interface ClaudeCodeBinary {
  /** Absolute path of the native executable. */
  readonly path: string;
  /** What `claude --version` printed first, e.g. `2.1.330`. */
  readonly version: string;
}

/** Either the binary, or the reason it cannot be used (for a skip message). */
export type ClaudeCodeBinaryLookup = { readonly ok: true; readonly binary: ClaudeCodeBinary } | { readonly ok: false; readonly reason: string };

/**
 * The wrapper package's bin (`bin/claude.exe`) is a stub until its postinstall copies the native
 * binary over it, and pnpm skips unapproved postinstalls. So the binary is taken straight from the
 * platform package (`@anthropic-ai/claude-code-linux-x64`, …) the wrapper lists as optional
 * dependency, resolved from the wrapper's own location.
 */
function platformPackage(): string {
  return `@anthropic-ai/claude-code-${process.platform}-${process.arch}`;
}

/**
 * Finds the Claude Code native binary installed with `@tmux-orc/testkit` (or takes `path`, e.g. a
 * globally installed `claude`) and checks that it runs (`--version`). Never throws: a failure is
 * returned with a reason a skipped test can print.
 */
export async function findClaudeCodeBinary(options: { readonly path?: string } = {}): Promise<ClaudeCodeBinaryLookup> {
  if (options.path !== undefined) return tryCandidates([options.path], 'the given path');
  const require = createRequire(import.meta.url);
  let wrapperManifest: string;
  try {
    wrapperManifest = require.resolve('@anthropic-ai/claude-code/package.json');
  } catch (cause) {
    return { ok: false, reason: `@anthropic-ai/claude-code is not installed next to @tmux-orc/testkit (${String(cause)})` };
  }
  const wrapperDir = dirname(wrapperManifest);
  const candidates: string[] = [];
  try {
    const platformManifest = createRequire(wrapperManifest).resolve(`${platformPackage()}/package.json`);
    candidates.push(join(dirname(platformManifest), 'claude'));
  } catch {
    // Not installed for this platform; the wrapper's own bin may still be the real binary.
  }
  candidates.push(join(wrapperDir, 'bin', 'claude.exe'));
  return tryCandidates(candidates, platformPackage());
}

/** The first candidate whose `--version` works, or why none did. */
async function tryCandidates(candidates: readonly string[], what: string): Promise<ClaudeCodeBinaryLookup> {
  const failures: string[] = [];
  for (const path of candidates) {
    if (!existsSync(path)) {
      failures.push(`${path}: missing`);
      continue;
    }
    const result = await execa(path, ['--version'], { reject: false, timeout: 20_000, stdin: 'ignore' });
    const version = /^(\d+\.\d+\.\d+)/.exec(result.stdout.trim())?.[1];
    if (result.exitCode === 0 && version !== undefined) return { ok: true, binary: { path, version } };
    failures.push(`${path}: exit ${String(result.exitCode)} ${(result.stderr || result.stdout).trim().split('\n')[0] ?? ''}`);
  }
  return { ok: false, reason: `no runnable Claude Code binary for ${what}: ${failures.join('; ')}` };
}
