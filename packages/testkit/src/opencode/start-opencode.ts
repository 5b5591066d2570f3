import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shellQuote, type TmuxSandbox } from '@tmux-orc/sim-fleet';
import type { FakeScenario } from '../fake-anthropic/fake-reply.js';
import type { OpencodeBinary } from './opencode-binary.js';

/** A prompt word that makes the fake Anthropic API ask opencode to run its `bash` tool. */
export const OPENCODE_BASH = 'OC_BASH';

/** Fake Anthropic rows for opencode: its shell tool is `bash` (Claude Code's is `Bash`). */
export const opencodeScenarios: readonly FakeScenario[] = [
  { name: 'opencode-bash', match: OPENCODE_BASH, reply: () => ({ kind: 'tool_use', name: 'bash', input: { command: 'echo hello-from-tool', description: 'Prints a greeting' } }) },
];

/** Options of {@link startOpencode}. */
export interface StartOpencodeOptions {
  readonly binary: OpencodeBinary;
  /** The fake Anthropic API's base URL (`startFakeAnthropic().url`). */
  readonly apiUrl: string;
  readonly session: string;
  /** Window name; discovery must find it (a role word such as `developer`). */
  readonly window: string;
}

/** opencode running in a sandbox pane, with its private home and project; `close` ends it and removes them. */
export interface OpencodePane {
  readonly paneId: string;
  readonly projectDir: string;
  close(): Promise<void>;
}

/**
 * Starts opencode in a new window of `sandbox` against a fake Anthropic API: a private HOME and XDG
 * dirs, a project whose `opencode.json` points the `anthropic` provider at the fake (asking before
 * `bash` runs, so a tool call shows the permission dialog), plugins, models fetch and autoupdate
 * off. Waits for its input box.
 */
export async function startOpencode(sandbox: TmuxSandbox, options: StartOpencodeOptions): Promise<OpencodePane> {
  const root = await mkdtemp(join(tmpdir(), 'tmux-orc-opencode-'));
  const home = join(root, 'home');
  const projectDir = join(root, 'project');
  await mkdir(home, { recursive: true });
  await mkdir(projectDir, { recursive: true });
  const config = {
    $schema: 'https://opencode.ai/config.json',
    autoupdate: false,
    share: 'disabled',
    model: 'anthropic/claude-sonnet-4-5',
    provider: { anthropic: { options: { baseURL: `${options.apiUrl}/v1`, apiKey: 'sk-ant-fake' } } },
    permission: { bash: 'ask' },
  };
  await writeFile(join(projectDir, 'opencode.json'), `${JSON.stringify(config, null, 2)}\n`);
  const env: Record<string, string> = {
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_STATE_HOME: join(home, '.local/state'),
    // No plugins: otherwise a first start `npm install`s @opencode-ai/plugin into the config dir.
    OPENCODE_PURE: '1',
    OPENCODE_DISABLE_DEFAULT_PLUGINS: '1',
    OPENCODE_DISABLE_MODELS_FETCH: '1',
    OPENCODE_DISABLE_AUTOUPDATE: '1',
    OPENCODE_DISABLE_LSP_DOWNLOAD: '1',
    ANTHROPIC_API_KEY: 'sk-ant-fake',
  };
  // The shell stays when opencode exits, as in a user's pane: its prompt is what `crashed` reads.
  const command = `${shellQuote(options.binary.path)} ${shellQuote(projectDir)}; exec sh`;
  const { paneId } = await sandbox.newWindow(options.session, options.window, { command, env, cwd: projectDir });
  // Its first start sets up a database: over a minute on a loaded 2-core machine.
  await sandbox.waitForScreen(paneId, /ctrl\+p commands/u, { timeoutMs: 240_000 });
  return {
    paneId,
    projectDir,
    async close() {
      // opencode writes its home until it is gone: end it first, then remove what it left.
      await sandbox.tmux('kill-pane', '-t', paneId).catch(() => undefined);
      await rm(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}
