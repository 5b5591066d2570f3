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
 * The two Claude Code versions installed side by side with `@tmux-orc/testkit`: `pinned` (the
 * version the suite was built on) and `newest` (an npm alias, `@anthropic-ai/claude-code-latest`,
 * bumped by `pnpm screens:record --cli claude-code --version X` to the newest release).
 */
export const claudeCodePackages = {
  pinned: '@anthropic-ai/claude-code',
  newest: '@anthropic-ai/claude-code-latest',
} as const;

/** Which of the side-by-side installs to use. */
export type ClaudeCodePin = keyof typeof claudeCodePackages;

/** Options of {@link findClaudeCodeBinary}. */
export interface FindClaudeCodeBinaryOptions {
  /** An executable to use instead of the installed ones (a global `claude`, another version). */
  readonly path?: string;
  /** Which installed version (default `pinned`). */
  readonly pin?: ClaudeCodePin;
}

/**
 * Finds the Claude Code native binary installed with `@tmux-orc/testkit` (`pin`: the pinned or the
 * newest of the two side-by-side installs; or takes `path`, e.g. a globally installed `claude`) and checks that it runs (`--version`). Never throws: a failure is
 * returned with a reason a skipped test can print.
 */
export async function findClaudeCodeBinary(options: FindClaudeCodeBinaryOptions = {}): Promise<ClaudeCodeBinaryLookup> {
  if (options.path !== undefined) return tryCandidates([options.path], 'the given path');
  const require = createRequire(import.meta.url);
  const wrapper = claudeCodePackages[options.pin ?? 'pinned'];
  let wrapperManifest: string;
  try {
    wrapperManifest = require.resolve(`${wrapper}/package.json`);
  } catch (cause) {
    return { ok: false, reason: `${wrapper} is not installed next to @tmux-orc/testkit (${String(cause)})` };
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
