import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTmuxSandbox, type TmuxSandbox } from '@tmux-orc/sim-fleet';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCliIfStale, type CliHome, createCliHome, plain } from '../__fixtures__/cli-harness.js';

/**
 * `tmux-orc status` on a real tmux server whose agent pane runs a "Claude Code" far newer than any
 * version the live tests proved (an npm-style package, version 99.0.0, whose script just waits).
 */
let sandbox: TmuxSandbox | undefined;
let home: CliHome | undefined;
let dir = '';

beforeAll(async () => {
  buildCliIfStale();
  home = await createCliHome();
  sandbox = await createTmuxSandbox();
  dir = await mkdtemp(join(tmpdir(), 'tmux-orc-status-version-'));
  const pkg = join(dir, 'node_modules', '@anthropic-ai', 'claude-code');
  await mkdir(pkg, { recursive: true });
  await writeFile(join(pkg, 'package.json'), JSON.stringify({ name: '@anthropic-ai/claude-code', version: '99.0.0' }));
  await writeFile(join(pkg, 'cli.js'), 'setInterval(() => {}, 1000);\n');
  const { paneId } = await sandbox.newSession('team', { command: `node ${join(pkg, 'cli.js')}` });
  await sandbox.tmux('set-option', '-p', '-t', paneId, '@tmux-orc-agent', 'claude-code');
}, 300_000);

afterAll(async () => {
  await sandbox?.kill();
  await home?.cleanup();
  await rm(dir, { recursive: true, force: true });
});

it('shows the CLI version an agent runs and marks it newer than every proven version', async () => {
  if (sandbox === undefined || home === undefined) throw new Error('Expected a sandbox and a CLI home');
  const json = await home.run(['-L', sandbox.socketName, 'status', '--json']);
  expect(json.code, json.stderr).toBe(0);
  const agents = (JSON.parse(json.stdout) as { agents: { detector: string; cli_version?: unknown }[] }).agents;
  expect(agents).toEqual([expect.objectContaining({ detector: 'claude-code', cli_version: { version: '99.0.0', source: 'package.json', standing: 'newer' } })]);
  const table = await home.run(['-L', sandbox.socketName, 'status']);
  expect(plain(table.stdout)).toContain('claude-code 99.0.0 (newer than proven)');
}, 120_000);
