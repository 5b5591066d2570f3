import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throw-away `HOME` whose `.claude.json` skips Claude Code's first-run dialogs. */
export interface ClaudeHome extends AsyncDisposable {
  /** Absolute path to use as `HOME`. */
  readonly path: string;
  /** `<home>/.local/bin`, holding a `claude` link to the native binary (where Claude Code's own installer puts it). */
  readonly binDir: string;
  /** Removes the directory; idempotent. */
  remove(): Promise<void>;
}

/** A first-run dialog of Claude Code that `claudeConfig` can leave unanswered. */
export type FirstRunDialog = 'api-key' | 'folder-trust';

/** What {@link claudeConfig} writes the config for. */
export interface ClaudeConfigOptions {
  readonly apiKey: string;
  readonly cwd: string;
  /** Dialogs to leave unanswered, so Claude Code shows them at start (default none). */
  readonly ask?: readonly FirstRunDialog[];
}

/**
 * The `.claude.json` that lets Claude Code start straight at its prompt: onboarding done, the API
 * key (known by its last 20 characters) approved, and the project's trust dialog accepted.
 * Checked against 2.1.330, which shows no other first-run dialog with these set.
 */
export function claudeConfig(options: ClaudeConfigOptions): Record<string, unknown> {
  const ask = new Set(options.ask ?? []);
  return {
    hasCompletedOnboarding: true,
    lastOnboardingVersion: '99.0.0',
    numStartups: 1,
    bypassPermissionsModeAccepted: true,
    customApiKeyResponses: { approved: ask.has('api-key') ? [] : [options.apiKey.slice(-20)], rejected: [] },
    projects: {
      [options.cwd]: { hasTrustDialogAccepted: !ask.has('folder-trust'), hasCompletedProjectOnboarding: true, allowedTools: [] },
    },
  };
}

/**
 * Creates a fresh temp `HOME` holding {@link claudeConfig} as `.claude.json`, and
 * `.local/bin/claude` linked to `binary`, so the pane can start it by its usual name.
 */
export async function createClaudeHome(options: ClaudeConfigOptions & { readonly binary: string }): Promise<ClaudeHome> {
  const path = await mkdtemp(join(tmpdir(), 'tmux-orc-claude-home-'));
  await writeFile(join(path, '.claude.json'), `${JSON.stringify(claudeConfig(options), null, 2)}\n`);
  const binDir = join(path, '.local', 'bin');
  await mkdir(binDir, { recursive: true });
  await symlink(options.binary, join(binDir, 'claude'));
  const remove = (): Promise<void> => rm(path, { recursive: true, force: true, maxRetries: 5 });
  return { path, binDir, remove, [Symbol.asyncDispose]: remove };
}
