import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DetectorProof } from '@tmux-orc/health-checker';
import { createTmuxSandbox, type TmuxSandbox } from '@tmux-orc/sim-fleet';
import { findClaudeCodeBinary, startClaudeCode, startFakeAnthropic } from '@tmux-orc/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentJson, StatusJson } from '../shared/status-json.js';
import { withCliVersions } from './agent-cli-versions.js';

/**
 * `status` reads the version of the agent CLI each pane runs from the pane's real processes on a
 * real tmux server: a Node CLI by its package's `package.json` (as Codex and Gemini CLI install),
 * an executable by `--version`, and the real newest Claude Code installed with the testkit.
 */
function agent(id: string, detector: string, host: string | null = null): AgentJson {
  return { id, host, target: 't', session: 's', window: 'w', name: 'n', role: 'developer', detector, state: 'idle', since: '', detail: {}, evidence: '' };
}

function statusOf(agents: AgentJson[]): StatusJson {
  return { agents, summary: {}, cycle: { ms: null, strategy: null, transport: null }, source: 'one-shot', held_reports: [], hooks: { running: 0, queued: 0, never_run: 0 } } as unknown as StatusJson;
}

const proofs: readonly DetectorProof[] = [
  { detector: 'codex', version: '1.0.0', live: ['active'], recorded: [] },
  { detector: 'claude-code', version: '0.0.1', live: ['idle'], recorded: [] },
];

const lookup = await findClaudeCodeBinary({ pin: 'newest' });
let sandbox: TmuxSandbox | undefined;
let dir = '';

beforeAll(async () => {
  sandbox = await createTmuxSandbox();
  dir = await mkdtemp(join(tmpdir(), 'tmux-orc-cli-version-'));
  // An npm-installed Node CLI: `node <package>/bin/codex.js`, the version in the package's manifest.
  const pkg = join(dir, 'node_modules', '@openai', 'codex');
  await mkdir(join(pkg, 'bin'), { recursive: true });
  await writeFile(join(pkg, 'package.json'), JSON.stringify({ name: '@openai/codex', version: '9.9.9' }));
  await writeFile(join(pkg, 'bin', 'codex.js'), 'setInterval(() => {}, 1000);\n');
  // A script CLI run by its interpreter (as aider runs under python), telling its version only when asked.
  const bare = join(dir, 'bin', 'aider');
  await mkdir(join(dir, 'bin'));
  await writeFile(bare, '#!/bin/sh\nif [ "$1" = --version ]; then echo "aider 0.86.1"; exit 0; fi\nsleep 300\n');
  await chmod(bare, 0o755);
}, 60_000);

afterAll(async () => {
  await sandbox?.kill();
  await rm(dir, { recursive: true, force: true });
});

describe('the versions of the agent CLIs panes run', () => {
  it('reads a Node CLI from its package and an executable by --version, and marks one newer than every proven version', async () => {
    if (sandbox === undefined) throw new Error('Expected a sandbox');
    const codex = await sandbox.newSession('codex', { command: `node ${join(dir, 'node_modules/@openai/codex/bin/codex.js')}` });
    const aider = await sandbox.newSession('aider', { command: `sh ${join(dir, 'bin', 'aider')}` });
    const shell = await sandbox.newSession('shell');
    const config = { servers: [{ socket_name: sandbox.socketName }] };
    const agents = [agent(codex.paneId, 'codex'), agent(aider.paneId, 'aider'), agent(shell.paneId, 'claude-code'), agent(codex.paneId, 'codex', 'me@box')];
    const status = await withCliVersions(statusOf(agents), config, proofs);
    expect(status.agents.map((a) => a.cli_version)).toEqual([
      { version: '9.9.9', source: 'package.json', standing: 'newer' },
      { version: '0.86.1', source: '--version', standing: 'unproven' },
      undefined, // a plain shell runs no Claude Code: no version is made up
      undefined, // an agent on an SSH host: its processes are not on this machine
    ]);
  }, 60_000);

  it.skipIf(!lookup.ok)('reads the real Claude Code a pane runs', async () => {
    if (sandbox === undefined || !lookup.ok) throw new Error('Expected a sandbox and Claude Code');
    await using api = await startFakeAnthropic();
    await using claude = await startClaudeCode(sandbox, { binary: lookup.binary, session: 'claude', apiUrl: api.url });
    await claude.waitForScreen(/\? for shortcuts/u, { timeoutMs: 60_000 });
    const config = { servers: [{ socket_name: sandbox.socketName }] };
    const status = await withCliVersions(statusOf([agent(claude.paneId, 'claude-code')]), config, proofs);
    expect(status.agents[0]?.cli_version).toEqual({ version: lookup.binary.version, source: 'package.json', standing: 'newer' });
  }, 120_000);
});
