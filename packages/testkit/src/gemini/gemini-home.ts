import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throw-away `HOME` whose `~/.gemini` lets Gemini CLI start straight at its prompt. */
export interface GeminiHome extends AsyncDisposable {
  /** Absolute path to use as `HOME`. */
  readonly path: string;
  /** `<home>/.local/bin`, holding a `gemini` link to the CLI's entry script. */
  readonly binDir: string;
  /** Removes the directory; idempotent. */
  remove(): Promise<void>;
}

/** Settings a screen case may change. */
export interface GeminiSettingsOptions {
  /** `ui.errorVerbosity`: `low` (the default) hides retries, `full` shows `Trying to reach … (Attempt n/m)`. */
  readonly errorVerbosity?: 'low' | 'full';
}

/**
 * The `~/.gemini/settings.json` of the sandbox: API-key auth selected (no auth dialog), folder
 * trust on (the cwd is trusted in `trustedFolders.json`), auto-update, its notice and usage
 * statistics off, telemetry off. Checked against 0.61.0, which shows no first-run dialog with these.
 */
export function geminiSettings(options: GeminiSettingsOptions = {}): Record<string, unknown> {
  return {
    security: { auth: { selectedType: 'gemini-api-key' }, folderTrust: { enabled: true } },
    general: { enableAutoUpdate: false, enableAutoUpdateNotification: false },
    privacy: { usageStatisticsEnabled: false },
    telemetry: { enabled: false },
    ...(options.errorVerbosity === undefined ? {} : { ui: { errorVerbosity: options.errorVerbosity } }),
  };
}

/**
 * Creates a fresh temp `HOME` holding {@link geminiSettings}, `trustedFolders.json` trusting
 * `cwd`, and `.local/bin/gemini` linked to `entry`, so the pane starts it by its usual name.
 */
export async function createGeminiHome(options: { readonly cwd: string; readonly entry: string; readonly settings?: GeminiSettingsOptions }): Promise<GeminiHome> {
  const path = await mkdtemp(join(tmpdir(), 'tmux-orc-gemini-home-'));
  const dotGemini = join(path, '.gemini');
  await mkdir(dotGemini, { recursive: true });
  await writeFile(join(dotGemini, 'settings.json'), `${JSON.stringify(geminiSettings(options.settings), null, 2)}\n`);
  await writeFile(join(dotGemini, 'trustedFolders.json'), `${JSON.stringify({ [options.cwd]: 'TRUST_FOLDER' }, null, 2)}\n`);
  const binDir = join(path, '.local', 'bin');
  await mkdir(binDir, { recursive: true });
  await symlink(options.entry, join(binDir, 'gemini'));
  const remove = (): Promise<void> => rm(path, { recursive: true, force: true, maxRetries: 5 });
  return { path, binDir, remove, [Symbol.asyncDispose]: remove };
}
