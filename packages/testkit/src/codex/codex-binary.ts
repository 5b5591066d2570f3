import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { execa } from 'execa';

/** The native Codex executable found in node_modules, and the version it reports. */
export interface CodexBinary {
  /** Absolute path of the native executable (`…/vendor/<target>/bin/codex`). */
  readonly path: string;
  /** The platform package's `codex-resources` (holds the bundled `bwrap`), or undefined when absent. */
  readonly resourcesDir: string | undefined;
  /** What `codex --version` printed, e.g. `0.171.0`. */
  readonly version: string;
}

/** Either the binary, or the reason it cannot be used (for a skip message). */
export type CodexBinaryLookup = { readonly ok: true; readonly binary: CodexBinary } | { readonly ok: false; readonly reason: string };

/** Rust target triples of the platform packages the wrapper `@openai/codex` lists (`bin/codex.js`). */
const targets: Readonly<Record<string, string>> = {
  'linux-x64': 'x86_64-unknown-linux-musl',
  'linux-arm64': 'aarch64-unknown-linux-musl',
  'darwin-x64': 'x86_64-apple-darwin',
  'darwin-arm64': 'aarch64-apple-darwin',
};

/**
 * Finds the Codex native binary installed with `@tmux-orc/testkit` (or takes `path`). The wrapper's
 * `bin/codex.js` is a Node launcher that `execve`s the binary of its platform package
 * (`@openai/codex-linux-x64`, an alias of `@openai/codex@<version>-linux-x64`); the binary is run
 * directly so the pane's command is `codex`, not `node`. Never throws: a failure is returned with
 * a reason a skipped test can print.
 */
export async function findCodexBinary(options: { readonly path?: string } = {}): Promise<CodexBinaryLookup> {
  const platform = `${process.platform}-${process.arch}`;
  if (options.path !== undefined) return check(options.path, undefined);
  const target = targets[platform];
  if (target === undefined) return { ok: false, reason: `Codex ships no native binary for ${platform}` };
  const require = createRequire(import.meta.url);
  let wrapperManifest: string;
  try {
    wrapperManifest = require.resolve('@openai/codex/package.json');
  } catch (cause) {
    return { ok: false, reason: `@openai/codex is not installed next to @tmux-orc/testkit (${String(cause)})` };
  }
  let vendor: string;
  try {
    vendor = join(dirname(createRequire(wrapperManifest).resolve(`@openai/codex-${platform}/package.json`)), 'vendor', target);
  } catch (cause) {
    return { ok: false, reason: `the platform package @openai/codex-${platform} is not installed (${String(cause)})` };
  }
  const resources = join(vendor, 'codex-resources');
  return check(join(vendor, 'bin', 'codex'), existsSync(resources) ? resources : undefined);
}

async function check(path: string, resourcesDir: string | undefined): Promise<CodexBinaryLookup> {
  if (!existsSync(path)) return { ok: false, reason: `${path}: missing` };
  const result = await execa(path, ['--version'], { reject: false, timeout: 20_000, stdin: 'ignore' });
  const version = /(\d+\.\d+\.\d+)/u.exec(result.stdout)?.[1];
  if (result.exitCode === 0 && version !== undefined) return { ok: true, binary: { path, resourcesDir, version } };
  return { ok: false, reason: `${path}: exit ${String(result.exitCode)} ${(result.stderr || result.stdout).trim().split('\n')[0] ?? ''}` };
}
