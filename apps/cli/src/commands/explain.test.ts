import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { callApi } from '../client/api-client.js';
import { simAgentCommand, simAgentScreensDir, useTmuxSandbox, type TmuxSandbox } from '@tmux-orc/testkit';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { buildCliIfStale, createCliHome, type CliHome } from '../__fixtures__/cli-harness.js';
import type { ExplainJson } from '../shared/explain-json.js';
import type { StatusJson } from '../shared/status-json.js';

const screensDir = join(simAgentScreensDir, 'claude-code');

beforeAll(() => buildCliIfStale(), 300_000);

/** A private home (removed, its daemon stopped, when the test ends) with a short debounce, so a disagreeing hook is logged within seconds. */
async function newHome(): Promise<CliHome> {
  const home = await createCliHome();
  onTestFinished(() => home.cleanup());
  await mkdir(home.home, { recursive: true, mode: 0o700 });
  await writeFile(join(home.home, 'config.yaml'), 'monitoring:\n  debounce: 1\n', { mode: 0o600 });
  return home;
}

/** An idle Claude Code agent and one asking for approval (recorded screens drawn by the simulated agent). */
async function team(sandbox: TmuxSandbox): Promise<{ idle: string; asking: string }> {
  const { paneId: idle } = await sandbox.newSession('team', { window: 'Claude-dev', command: simAgentCommand({ screensDir, screen: 'idle-replied' }) });
  const { paneId: asking } = await sandbox.newWindow('team', 'Claude-qa', { command: simAgentCommand({ screensDir, screen: 'waiting_input-bash-approval' }) });
  for (const pane of [idle, asking]) await sandbox.tmux('set-option', '-p', '-t', pane, '@tmux-orc-agent', 'claude-code');
  await sandbox.waitForScreen(asking, /Do you want to proceed/u);
  return { idle, asking };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Expected ${what} within ${timeoutMs} ms, got nothing`);
}

describe('tmux-orc explain', { timeout: 120_000 }, () => {
  it('explains one agent against a tmux server with no daemon (-L), as JSON and as text', async () => {
    const sandbox = await useTmuxSandbox({ width: 120, height: 40 });
    const { asking } = await team(sandbox);
    const home = await newHome();

    const json = await home.run(['-L', sandbox.socketName, 'explain', asking, '--json']);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const explained = JSON.parse(json.stdout) as ExplainJson;
    expect(explained.source).toBe('one-shot');
    expect(explained.explanation.agent).toMatchObject({ id: asking, state: 'waiting_input', rule: 'claude-code/choice-dialog' });
    expect(explained.explanation.screen?.detector).toMatchObject({ id: 'claude-code', basis: 'agent-option' });
    expect(explained.explanation.screen?.classification.evidence).toContain('Do you want to proceed?');
    expect(explained.explanation.signals?.title.value).toBe(await sandbox.tmux('display-message', '-p', '-t', asking, '#{pane_title}').then((t) => t.trim()));

    const text = await home.run(['-L', sandbox.socketName, 'explain', 'qa']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`^${asking} qa \\(team:1\\.0\\): waiting_input for \\d+s, by rule claude-code/choice-dialog — from one cycle run here\\n`, 'u'));
    expect(text.stdout).toMatch(/^detector {3}claude-code, chosen by its @tmux-orc-agent option$/mu);
    expect(text.stdout).toMatch(/^ruled out {2}tried first, did not decide:\n {11}claude-code\/pane-dead \(crashed\), claude-code\/exited-to-shell \(crashed\)\n {11}claude-code\/empty-screen \(unknown\)$/mu);
    expect(text.stdout).toMatch(/^signals {4}title ".*": held \d/mu);
    expect(text.stdout).toMatch(/^hook {7}no Claude Code hook seen for this agent$/mu);

    const missing = await home.run(['-L', sandbox.socketName, 'explain', 'nobody']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^tmux-orc explain: Expected an agent id, pane id, target or name, got "nobody"; monitored: %\d+ \(team:0\.0\), %\d+ \(team:1\.0\)\n$/u);
  });

  it('explains through the daemon, with the hook sighting, and logs a hook that disagrees with the screen once', async () => {
    const sandbox = await useTmuxSandbox({ width: 120, height: 40 });
    const { idle } = await team(sandbox);
    const home = await newHome();
    const start = await home.run(['-L', sandbox.socketName, 'monitor', 'start', '--interval', '0.5']);
    expect(start.code).toBe(0);
    const socket = join(home.home, 'monitor.sock');
    const cycles = async (): Promise<number> => {
      const answer = await callApi<StatusJson>(socket, '/status');
      return answer.ok ? (answer.body.detailed?.base_status.cycle_count ?? 0) : 0;
    };
    await until('the idle agent to read idle', async () => {
      const answer = await callApi<StatusJson>(socket, '/status');
      return answer.ok && answer.body.agents.find((a) => a.id === idle)?.state === 'idle' ? true : undefined;
    });

    // A hook says the agent works; its screen stays idle (hooks miss an Esc, a rejected prompt).
    const hook = await callApi<{ matched: boolean }>(socket, '/hooks/claude-code', { method: 'POST', body: JSON.stringify({ hook_event_name: 'PreToolUse', tmux_pane: idle, tool_name: 'Bash' }) });
    expect(hook).toMatchObject({ ok: true, body: { matched: true } });

    const logFile = join(home.home, 'logs/async-monitor.log');
    const disagreements = async () => (await readFile(logFile, 'utf8').catch(() => '')).split('\n').filter((line) => line.includes('hook and screen disagree'));
    await until('the disagreement to be logged', async () => ((await disagreements()).length > 0 ? true : undefined));
    // More cycles, still disagreeing: still one line.
    const seen = await cycles();
    await until('six more cycles', async () => ((await cycles()) >= seen + 6 ? true : undefined));
    const lines = await disagreements();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/"hook":"PreToolUse"/u);
    expect(lines[0]).toMatch(/"hook_implies":"active"/u);
    expect(lines[0]).toMatch(/"screen_state":"idle"/u);

    const run = await home.run(['-L', sandbox.socketName, 'explain', idle, '--json']);
    expect(run.code).toBe(0);
    const explained = JSON.parse(run.stdout) as ExplainJson;
    expect(explained.source).toBe('daemon');
    expect(explained.explanation.agent).toMatchObject({ id: idle, state: 'idle' });
    expect(explained.hook).toMatchObject({ event: 'PreToolUse', implies: 'active', agrees_now: false });
    expect(explained.hook?.disagreeing_ms).toBeGreaterThanOrEqual(1500);

    const text = await home.run(['-L', sandbox.socketName, 'explain', idle]);
    expect(text.stdout).toMatch(/— from the daemon\n/u);
    expect(text.stdout).toMatch(/^hook {7}PreToolUse at \S+ implies active: disagrees with the screen \(idle\) for [\d.]+s; the screen decides$/mu);
  });
});
