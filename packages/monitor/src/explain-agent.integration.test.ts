import { fileURLToPath } from 'node:url';
import { createDefaultConfig, type Config } from '@tmux-orc/config';
import { simAgentCommand, useTmuxSandbox, type TmuxSandbox } from '@tmux-orc/testkit';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createMonitor } from './create-monitor.js';
import { MonitorError } from './monitor-error.js';

const fixtures = (cli: string): string => fileURLToPath(new URL(`../../health-checker/src/__fixtures__/${cli}/`, import.meta.url));

function testConfig(socketName: string): Config {
  const base = createDefaultConfig('/nonexistent-tmux-orc-home');
  return { ...base, monitoring: { ...base.monitoring, debounce: 5 }, servers: [{ socket_name: socketName }] };
}

/** A window showing one recorded screen, marked as the given agent CLI, with the pane title the CLI had. */
async function recordedAgent(sandbox: TmuxSandbox, window: string, cli: string, screen: string, agent: string, title: string): Promise<string> {
  const { paneId } = await sandbox.newWindow('team', window, { command: simAgentCommand({ screensDir: fixtures(cli), screen }) });
  await sandbox.tmux('set-option', '-p', '-t', paneId, '@tmux-orc-agent', agent);
  await sandbox.tmux('select-pane', '-t', paneId, '-T', title);
  return paneId;
}

describe('monitor.explain on real tmux panes showing recorded screens', () => {
  it('explains the verdict, the rule, what was tried first, and each signal with its age', async () => {
    const sandbox = await useTmuxSandbox({ width: 120, height: 40 });
    await sandbox.newSession('team', { window: 'pm' });
    const ask = await recordedAgent(sandbox, 'Claude-ask', 'claude-code-2.1.330', 'waiting_input-bash-approval-120x40', 'claude-code', '✳ Claude Code');
    const codex = await recordedAgent(sandbox, 'Claude-codex', 'codex-0.171.0', 'active-streaming-120x40', 'codex', '⠸ SLOW:30 go | wt');
    await sandbox.waitForScreen(ask, /Do you want to proceed\?/u);
    await sandbox.waitForScreen(codex, /›/u);

    let now = Date.UTC(2026, 10, 30, 9, 0, 0);
    const t0 = now;
    const monitor = createMonitor(testConfig(sandbox.socketName), { wallClock: { now: () => now }, monotonicClock: { now: () => now } });
    onTestFinished(() => monitor.stop());
    await monitor.runCycle();
    now = t0 + 4000;
    await monitor.runCycle();

    const asked = await monitor.explain('ask');
    expect(asked.agent).toMatchObject({ state: 'waiting_input', rule: 'claude-code/choice-dialog', detector: 'claude-code' });
    expect(asked.screen?.detector).toMatchObject({ id: 'claude-code', basis: 'agent-option' });
    expect(asked.screen?.rule?.id).toBe('claude-code/choice-dialog');
    expect(asked.screen?.classification.evidence).toContain('Do you want to proceed?');
    expect(asked.screen?.triedBefore.map((rule) => rule.id)).toEqual(['claude-code/pane-dead', 'claude-code/exited-to-shell', 'claude-code/empty-screen']);
    // Title and foreground process held since the first listing; tmux saw the window print before the monitor ran.
    expect(asked.signals?.title).toMatchObject({ value: '✳ Claude Code', since: new Date(t0).toISOString(), heldMs: 4000, seenMsAgo: 0 });
    expect(asked.signals?.currentCommand.value).toMatch(/^(?:sh|bash)$/u);
    expect(asked.signals?.windowActivity.ageMs).toBeGreaterThanOrEqual(0);
    expect(asked.history.map((t) => [t.from, t.to])).toEqual([[null, 'waiting_input']]);
    expect(asked.debounceMs).toBe(5000);

    // The same agent by target and by pane id.
    expect((await monitor.explain(`team:${asked.agent.target.split(':')[1] ?? ''}`)).agent.id).toBe(asked.agent.id);
    expect((await monitor.explain(ask)).agent.id).toBe(asked.agent.id);

    const streaming = await monitor.explain(codex);
    expect(streaming.agent).toMatchObject({ state: 'active', rule: 'codex/title-working' });
    expect(streaming.screen?.screenAlone).toMatchObject({ state: 'no_activity', rule: 'codex/quiet-composer' });
    expect(streaming.screen?.title).toEqual({ value: '⠸ SLOW:30 go | wt', reading: 'working' });

    // The title changes: its age starts again; the screen alone is left to the tracker.
    await sandbox.tmux('select-pane', '-t', codex, '-T', 'SLOW:30 go | wt');
    now = t0 + 10_000;
    await monitor.runCycle();
    const quiet = await monitor.explain(codex);
    expect(quiet.signals?.title).toMatchObject({ value: 'SLOW:30 go | wt', since: new Date(t0 + 10_000).toISOString(), heldMs: 0 });
    expect(quiet.agent.rule).toBe('codex/quiet-composer');
    expect(quiet.screen?.screenAlone).toBeNull();
  });

  it('rejects an agent it does not monitor, naming the ones it does', async () => {
    const sandbox = await useTmuxSandbox({ width: 80, height: 24 });
    await sandbox.newSession('team', { window: 'pm' });
    await recordedAgent(sandbox, 'Claude-one', 'claude-code-2.1.330', 'idle-replied-80x24', 'claude-code', '✳ Claude Code');
    const monitor = createMonitor(testConfig(sandbox.socketName));
    onTestFinished(() => monitor.stop());
    await monitor.runCycle();
    const failure = await monitor.explain('nobody').then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(MonitorError);
    expect(failure).toMatchObject({ code: 'UNKNOWN_AGENT' });
    expect((failure as Error).message).toMatch(/got "nobody"; monitored: %\d+ \(team:0\.0\), %\d+ \(team:1\.0\)$/u);
  });
});
