import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FAKE_MCP_SERVER, fakeMcpServerScript, mcpReadyFile } from './fake-mcp-server.js';

/** Options of {@link codexConfig}. */
export interface CodexConfigOptions {
  /** Base URL of the fake API including `/v1`. */
  readonly apiUrl: string;
  /** Name of the variable holding the API key (`env_key`). */
  readonly envKey: string;
  /** The working directory, marked trusted. */
  readonly cwd: string;
  /** `request_max_retries` of the provider: how often a failed request is retried (Codex's default is 4). */
  readonly maxRetries?: number;
  /** Leave Codex's "switch to a cheaper model" nudge on (it appears on a usage limit). Default false. */
  readonly rateLimitNudge?: boolean;
  /** Path of the fake MCP server script to register as `[mcp_servers.tracker]`, run by this Node. */
  readonly mcpServerScript?: string;
  /** The file that script creates once its tools were listed. */
  readonly mcpReadyFile?: string;
}

function toml(value: string): string {
  return JSON.stringify(value);
}

/**
 * `$CODEX_HOME/config.toml` for a Codex that talks to the fake API only: a custom provider with
 * `wire_api = "responses"`, the cwd trusted, update checks and analytics off, warnings and
 * model-migration notices acknowledged, paste-burst detection off (tmux types a prompt as fast as
 * a paste, and Codex would take the Enter after it for a newline). Checked against 0.171.0.
 */
export function codexConfig(options: CodexConfigOptions): string {
  return [
    'model = "gpt-fake"',
    'model_provider = "fake"',
    'approval_policy = "on-request"',
    'sandbox_mode = "read-only"',
    'check_for_update_on_startup = false',
    'disable_paste_burst = true',
    '',
    '[analytics]',
    'enabled = false',
    '',
    '[notice]',
    'hide_full_access_warning = true',
    'hide_world_writable_warning = true',
    `hide_rate_limit_model_nudge = ${options.rateLimitNudge === true ? 'false' : 'true'}`,
    'hide_gpt5_1_migration_prompt = true',
    '"hide_gpt-5.1-codex-max_migration_prompt" = true',
    '',
    '[model_providers.fake]',
    'name = "Fake OpenAI"',
    `base_url = ${toml(options.apiUrl)}`,
    `env_key = ${toml(options.envKey)}`,
    'wire_api = "responses"',
    `request_max_retries = ${options.maxRetries ?? 4}`,
    'stream_max_retries = 2',
    '',
    `[projects.${toml(options.cwd)}]`,
    'trust_level = "trusted"',
    '',
    ...(options.mcpServerScript === undefined
      ? []
      : [`[mcp_servers.${FAKE_MCP_SERVER}]`, `command = ${toml(process.execPath)}`, `args = [${[options.mcpServerScript, ...(options.mcpReadyFile === undefined ? [] : [options.mcpReadyFile])].map(toml).join(', ')}]`, '']),
  ].join('\n');
}

/** A throw-away `CODEX_HOME` and work directory, outside /tmp. */
export interface CodexHome extends AsyncDisposable {
  /** `CODEX_HOME`. */
  readonly path: string;
  /** The working directory Codex starts in (trusted in the config). */
  readonly cwd: string;
  /** Holds `codex` linked to the native binary, for the pane's PATH. */
  readonly binDir: string;
  /** Removes everything; idempotent. */
  remove(): Promise<void>;
}

/**
 * The testkit package's git-ignored `.tmp/`. Codex refuses to put its helper binaries (the
 * `apply_patch` alias it links into a temp dir on PATH) under the system temp directory, so its
 * homes live here instead of `os.tmpdir()`.
 */
export function testkitTempRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.tmp');
}

/**
 * Creates `<root>/codex-XXXX/{home,work,bin}` with {@link codexConfig} in `home/config.toml`; with
 * `mcpServer`, also the fake MCP server script, registered in the config.
 */
export async function createCodexHome(
  options: Omit<CodexConfigOptions, 'cwd' | 'mcpServerScript' | 'mcpReadyFile'> & { readonly binary: string; readonly root?: string; readonly mcpServer?: boolean },
): Promise<CodexHome> {
  const root = options.root ?? testkitTempRoot();
  await mkdir(root, { recursive: true });
  const base = await realpath(await mkdtemp(join(root, 'codex-')));
  const path = join(base, 'home');
  const cwd = join(base, 'work');
  const binDir = join(base, 'bin');
  await Promise.all([mkdir(path), mkdir(cwd), mkdir(binDir)]);
  const script = join(base, 'fake-mcp-server.mjs');
  if (options.mcpServer === true) await writeFile(script, fakeMcpServerScript);
  await writeFile(join(path, 'config.toml'), codexConfig({ ...options, cwd, ...(options.mcpServer === true ? { mcpServerScript: script, mcpReadyFile: mcpReadyFile(path) } : {}) }));
  await symlink(options.binary, join(binDir, 'codex'));
  const remove = (): Promise<void> => rm(base, { recursive: true, force: true, maxRetries: 5 });
  return { path, cwd, binDir, remove, [Symbol.asyncDispose]: remove };
}
