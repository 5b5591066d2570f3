import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDefaultConfig, type Config } from '@tmux-orc/config';
import {
  findClaudeCodeBinary,
  screenCases,
  shellQuote,
  simAgentCommand,
  simAgentProcessName,
  startClaudeCode,
  startFakeAnthropic,
  useTmuxSandbox,
  type ClaudeCodePane,
  type TmuxSandbox,
} from '@tmux-orc/testkit';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createMonitor } from './create-monitor.js';
import type { Monitor } from './monitor-api.js';

const lookup = await findClaudeCodeBinary();
if (!lookup.ok) console.warn(`Skipping the monitor test with real Claude Code: ${lookup.reason}`);

const fixtures = fileURLToPath(new URL('../../health-checker/src/__fixtures__/claude-code-2.1.330/', import.meta.url));
/** A PM that looks like an idle Claude Code (an agent CLI, not a shell) and records every line typed into it. */
const recorder = (file: string): string => simAgentCommand({ screensDir: fixtures, screen: 'idle-replied-120x40', record: file, processName: simAgentProcessName });
const fixtureAgent = (screen: string): string => simAgentCommand({ screensDir: fixtures, screen });

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tmux-orc-monitor-it-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * The lines a recorder PM wrote, once it wrote at least `count` (it writes shortly after the Enter;
 * on a clean CI clone a line once took over 5 s).
 */
async function lines(file: string, count = 0, timeoutMs = 15_000): Promise<string[]> {
  let found: string[] = [];
  await waitFor(async () => {
    found = await readLines(file);
    return found.length >= count;
  }, timeoutMs);
  return found;
}

async function readLines(file: string): Promise<string[]> {
  try {
    return (await readFile(file, 'utf8')).split('\n').filter((line) => line !== '');
  } catch {
    return [];
  }
}

function testConfig(socketName: string, hooks: Config['notifications']['hooks'] = []): Config {
  const base = createDefaultConfig(dir);
  return {
    ...base,
    monitoring: { ...base.monitoring, check_interval: 1, debounce: 5, async: { ...base.monitoring.async, strategy: 'concurrent' } },
    notifications: {
      ...base.notifications,
      cooldowns: { ...base.notifications.cooldowns, idle: 60, waiting_input: 60, rate_limited: 10, queued_message: 60, crashed: 300 },
      escalation: { missing_agent: [0], team_idle: [] },
      hooks,
      hook_timeout: 5,
      // The unified 429 screen shows no reset time: the pause is this long.
      rate_limit_pause: 33,
    },
    recovery: { ...base.recovery, resubmit_attempts: 2, resubmit_spacing: 10 },
    servers: [{ socket_name: socketName }],
  };
}

async function agentWindow(sandbox: TmuxSandbox, session: string, name: string, command: string, remainOnExit = false): Promise<string> {
  const { paneId } = await sandbox.newWindow(session, name, { command, remainOnExit });
  await sandbox.tmux('set-option', '-p', '-t', paneId, '@tmux-orc-agent', 'claude-code');
  return paneId;
}

/**
 * Waits until no window but `busy`'s has printed for `quietMs` (by window_activity, whole seconds):
 * the checker keeps a capture only after its stamp's second, and real Claude Code may still redraw
 * a moment after its reply (later on a loaded machine), so the first cycle sees settled screens, as
 * a monitor that runs every few seconds does. Gives up after `timeoutMs` and lets the test judge.
 */
async function settled(sandbox: TmuxSandbox, busy: string, quietMs = 1500, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const listed = await sandbox.tmux('list-panes', '-a', '-F', '#{pane_id} #{window_activity}');
    const latest = Math.max(
      ...listed
        .trim()
        .split('\n')
        .map((line) => line.split(' '))
        .filter(([id]) => id !== busy)
        .map(([, activity]) => Number(activity)),
    );
    const wait = (latest + 1) * 1000 + quietMs - Date.now();
    if (wait <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 500)));
  }
}

describe('the monitor on real tmux with simulated agents only (runs where Claude Code cannot)', () => {
  it('reports, restarts a dead pane, pauses a rate-limited agent and sends nothing twice across a monitor restart', async () => {
    const sandbox = await useTmuxSandbox({ width: 120, height: 40 });
    const pmFile = join(dir, 'sim-pm.log');
    await sandbox.newSession('sim', { window: 'pm', command: recorder(pmFile) });
    await agentWindow(sandbox, 'sim', 'Claude-idle', fixtureAgent('idle-replied-120x40'));
    await agentWindow(sandbox, 'sim', 'Claude-rl', fixtureAgent('rate_limited-http429-unified-120x40'));
    const crashPane = await agentWindow(sandbox, 'sim', 'Claude-crash', fixtureAgent('idle-replied-120x40'), true);
    await sandbox.waitForScreen(crashPane, /Hello from the fake API/);

    let now = Date.UTC(2026, 10, 23, 15, 0, 0);
    const t0 = now;
    const config = testConfig(sandbox.socketName);
    const statePath = join(dir, 'sim-state.json');
    let monitor: Monitor = createMonitor(config, { wallClock: { now: () => now }, monotonicClock: { now: () => now }, statePath });
    onTestFinished(() => monitor.stop());
    const cycleAt = (seconds: number) => {
      now = t0 + seconds * 1000;
      return monitor.runCycle();
    };
    await cycleAt(0);
    await cycleAt(6);
    expect(await lines(pmFile, 1)).toEqual(['[tmux-orc] rl (sim:2) rate_limited: "API Error: Request rejected (429) · Rate limited"; idle (sim:1) idle 6s; crash (sim:3) idle 6s']);

    await sandbox.sendLine(crashPane, 'exit 4');
    await waitFor(async () => (await sandbox.tmux('display-message', '-p', '-t', crashPane, '#{pane_dead}')).trim() === '1');
    await cycleAt(12);
    await sandbox.waitForScreen(crashPane, /Hello from the fake API/);
    await cycleAt(18);
    expect((await lines(pmFile, 2)).slice(1)).toEqual(['[tmux-orc] crash (sim:3) crashed (exit 4), restarted (1/3 this hour)']);

    await monitor.stop();
    monitor = createMonitor(config, { wallClock: { now: () => now }, monotonicClock: { now: () => now }, statePath });
    expect((await cycleAt(24)).reports).toEqual([]);
    expect((await cycleAt(30)).reports).toEqual([]);
    // The pause ends at 33 s; the rate_limited cooldown (10 s) alone would have allowed a report at 16 s.
    expect((await cycleAt(40)).reports.map((r) => r.text)).toEqual(['[tmux-orc] rl (sim:2) rate_limited: "API Error: Request rejected (429) · Rate limited"']);
    expect(await lines(pmFile, 3)).toHaveLength(3);
  }, 60_000);
});

describe.skipIf(!lookup.ok)('the monitor on real tmux, real Claude Code and simulated agents', () => {
  it('reports exactly what changed to each PM, with cooldowns, restarts, resubmits, rate-limit pauses, and nothing twice across a restart', async () => {
    if (!lookup.ok) return;
    const sandbox = await useTmuxSandbox({ width: 120, height: 40 });
    const api = await startFakeAnthropic();
    onTestFinished(() => api.close());
    const teamFile = join(dir, 'team-pm.log');
    const otherFile = join(dir, 'other-pm.log');
    const hookFile = join(dir, 'hooks.log');

    await sandbox.newSession('team', { window: 'pm', command: recorder(teamFile) });
    const claude = async (window: string): Promise<ClaudeCodePane> => {
      const pane = await startClaudeCode(sandbox, { binary: lookup.binary, session: 'team', window, apiUrl: api.url });
      onTestFinished(() => pane.dispose());
      return pane;
    };
    // Windows 1-3 are real Claude Code; created one after another so their indexes are fixed.
    const dev = await claude('Claude-dev');
    const qa = await claude('Claude-qa');
    const ops = await claude('Claude-ops');
    await agentWindow(sandbox, 'team', 'Claude-rl', fixtureAgent('rate_limited-http429-unified-120x40'));
    const crashPane = await agentWindow(sandbox, 'team', 'Claude-crash', fixtureAgent('idle-replied-120x40'), true);
    const queuePane = await agentWindow(sandbox, 'team', 'Claude-queue', fixtureAgent('queued_message-typed-not-sent-120x40'));
    await sandbox.newSession('other', { window: 'PM', command: recorder(otherFile) });
    await agentWindow(sandbox, 'other', 'Claude-solo', fixtureAgent('idle-replied-120x40'));
    await sandbox.newWindow('other', 'npm-watch', { command: 'sleep 600' });

    const drive = (pane: ClaudeCodePane, state: string, name: string) => {
      const screenCase = screenCases.find((c) => c.state === state && c.name === name);
      if (screenCase === undefined) throw new Error(`no screen case ${state}-${name}`);
      return screenCase.drive({ pane, sandbox });
    };
    // ops streams for 5 minutes: longer than this test, so it stays active throughout.
    const streaming = async () => {
      await ops.waitForScreen(/\? for shortcuts|\(shift\+tab to cycle\)/, { timeoutMs: 30_000 });
      await ops.submit('SLOW:300 write the report');
      await ops.waitForScreen(/esc to interrupt/);
    };
    await Promise.all([drive(dev, 'idle', 'replied'), drive(qa, 'waiting_input', 'bash-approval'), streaming()]);
    await settled(sandbox, ops.paneId);

    let now = Date.UTC(2026, 10, 23, 9, 0, 0);
    const t0 = now;
    const clock = { now: () => now };
    const statePath = join(dir, 'state.json');
    const hookCommand = `printf '%s %s>%s %s\\n' "$TMUX_ORC_AGENT" "$TMUX_ORC_FROM" "$TMUX_ORC_TO" "$TMUX_ORC_PANE" >> ${shellQuote(hookFile)}; cat >> ${shellQuote(`${hookFile}.json`)}`;
    const config = testConfig(sandbox.socketName, [{ to: 'crashed', command: hookCommand }]);
    let monitor: Monitor = createMonitor(config, { wallClock: clock, monotonicClock: clock, statePath });
    onTestFinished(() => monitor.stop());
    const cycleAt = async (seconds: number) => {
      now = t0 + seconds * 1000;
      return monitor.runCycle();
    };

    // First sight: nothing is idle yet (one quiet screen is no proof) and the PMs look busy: held.
    const first = await cycleAt(0);
    expect(first.reports).toEqual([]);
    expect(first.status.agents.find((a) => a.name === 'qa')?.state).toBe('waiting_input');

    const second = await cycleAt(6);
    expect(second.reports.map((r) => r.session).sort()).toEqual(['other', 'team']);
    const status = second.status;
    const byName = new Map(status.agents.map((a) => [a.name, a]));
    expect(byName.get('ops')).toMatchObject({ state: 'active', detector: 'claude-code', role: 'agent', session: 'team', window: 'Claude-ops' });
    expect(byName.get('qa')?.evidence.join(' ')).toMatch(/Do you want to proceed\?/);
    expect(byName.get('dev')).toMatchObject({ state: 'idle', since: new Date(t0).toISOString() });
    expect(byName.get('pm')?.role).toBe('pm');
    expect(byName.get('PM')?.role).toBe('pm');
    expect(byName.has('npm-watch')).toBe(false);
    expect(status.base_status).toMatchObject({ is_running: false, cycle_count: 2, errors_detected: 0 });
    expect(status.current_strategy).toBe('concurrent');
    expect(status.connection_pool?.transport).toBe('control');
    expect(status.cache_performance['pane_content']?.misses).toBeGreaterThan(0);

    await sandbox.sendLine(crashPane, 'exit 3');
    await waitFor(async () => (await sandbox.tmux('display-message', '-p', '-t', crashPane, '#{pane_dead}')).trim() === '1');
    // With events discovery (the default) tmux tells of a death at its next once-a-second check of the subscription.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await cycleAt(12); // crashed: respawned; queued message: second Enter
    await sandbox.waitForScreen(crashPane, /Hello from the fake API/);
    expect((await sandbox.tmux('display-message', '-p', '-t', crashPane, '#{pane_dead}')).trim()).toBe('0');
    await cycleAt(18);

    // The recording PM stays idle after a report (it echoes nothing), so each cycle's lines go at once.
    expect(await lines(teamFile, 3)).toEqual([
      '[tmux-orc] qa (team:2) waiting_input: "Do you want to proceed?"; rl (team:4) rate_limited: "API Error: Request rejected (429) · Rate limited"; dev (team:1) idle 6s; crash (team:5) idle 6s',
      '[tmux-orc] crash (team:5) crashed (exit 3), restarted (1/3 this hour)',
      '[tmux-orc] queue (team:6) queued_message: "fix the failing tests please" not submitted after 2 Enter',
    ]);
    expect(await lines(otherFile, 1)).toEqual(['[tmux-orc] solo (other:1) idle 6s']);

    // A new monitor with the same state file: the same states are not reported again.
    await monitor.stop();
    expect(await lines(hookFile, 1)).toEqual([`crash idle>crashed ${crashPane}`]);
    expect(JSON.parse((await readFile(`${hookFile}.json`, 'utf8')).trim())).toMatchObject({ event: 'transition', from: 'idle', to: 'crashed', agent: { name: 'crash', pane: crashPane } });
    monitor = createMonitor(config, { wallClock: clock, monotonicClock: clock, statePath });
    expect((await cycleAt(24)).reports).toEqual([]);
    expect((await cycleAt(30)).reports).toEqual([]);
    expect(await lines(teamFile)).toHaveLength(3);
    expect(await lines(otherFile)).toHaveLength(1);

    // The rate-limit pause (33 s, the screen shows no reset) has passed: still limited, so reported again. The queue agent is gone.
    await sandbox.tmux('kill-window', '-t', queuePane);
    await cycleAt(40);
    expect((await lines(teamFile, 4)).slice(3)).toEqual(['[tmux-orc] rl (team:4) rate_limited: "API Error: Request rejected (429) · Rate limited"; queue (team:6) missing 0s']);

    // Cooldowns over: reminders, each PM once, and nothing more a cycle later.
    expect((await cycleAt(70)).reports.map((r) => r.session).sort()).toEqual(['other', 'team']);
    expect((await cycleAt(76)).reports).toEqual([]);
    expect((await lines(teamFile, 5)).slice(4)).toEqual([
      '[tmux-orc] dev (team:1) idle 46s; qa (team:2) waiting_input: "Do you want to proceed?"; rl (team:4) rate_limited: "API Error: Request rejected (429) · Rate limited"; crash (team:5) idle 46s',
    ]);
    expect((await lines(otherFile, 2)).slice(1)).toEqual(['[tmux-orc] solo (other:1) idle 46s']);
    for (const line of [...(await lines(teamFile)), ...(await lines(otherFile))]) {
      expect(line).not.toMatch(/\bops\b|\bpm\b|PM \(/);
    }
  }, 90_000);

  it('types a report into a real Claude Code PM and confirms Claude Code took it (the API got it)', async () => {
    if (!lookup.ok) return;
    const sandbox = await useTmuxSandbox({ width: 120, height: 40 });
    const api = await startFakeAnthropic();
    onTestFinished(() => api.close());
    const pm = await startClaudeCode(sandbox, { binary: lookup.binary, session: 'lead', window: 'pm', apiUrl: api.url });
    onTestFinished(() => pm.dispose());
    await pm.waitForScreen(/\? for shortcuts|\(shift\+tab to cycle\)/, { timeoutMs: 30_000 });
    await agentWindow(sandbox, 'lead', 'Claude-dev', fixtureAgent('idle-replied-120x40'));
    let now = Date.UTC(2026, 10, 30, 9, 0, 0);
    const t0 = now;
    const monitor = createMonitor(testConfig(sandbox.socketName), { wallClock: { now: () => now }, monotonicClock: { now: () => now } });
    onTestFinished(() => monitor.stop());
    await monitor.runCycle();
    now = t0 + 6_000;
    const { reports } = await monitor.runCycle();
    expect(reports.map((r) => r.text)).toEqual(['[tmux-orc] dev (lead:1) idle 6s']);
    // On a loaded machine Claude Code may redraw after the first check: a second Enter into its empty box is harmless.
    expect(['delivered', 'delivered_after_retry']).toContain(reports[0]?.delivery);
    await waitFor(async () => api.requests.some((r) => JSON.stringify(r.body ?? null).includes('[tmux-orc] dev (lead:1) idle 6s')), 20_000).catch(async (error: unknown) => {
      throw new Error(`${String(error)}; requests: ${api.requests.map((r) => `${r.method} ${r.url} ${JSON.stringify(r.body ?? null).slice(-300)}`).join(' | ')}; screen: ${await pm.capture()}`);
    });
  }, 60_000);

  it('submits a real queued message, restarts a real Claude Code that exited to its shell, and alerts a whole idle team', async () => {
    if (!lookup.ok) return;
    const sandbox = await useTmuxSandbox({ width: 120, height: 40 });
    const api = await startFakeAnthropic();
    onTestFinished(() => api.close());
    const pmFile = join(dir, 'crew-pm.log');
    await sandbox.newSession('crew', { window: 'pm', command: recorder(pmFile) });
    const claude = async (window: string): Promise<ClaudeCodePane> => {
      const pane = await startClaudeCode(sandbox, { binary: lookup.binary, session: 'crew', window, apiUrl: api.url });
      onTestFinished(() => pane.dispose());
      return pane;
    };
    const a = await claude('Claude-a');
    const b = await claude('Claude-b');
    const exited = screenCases.find((c) => c.state === 'crashed' && c.name === 'exited-to-shell');
    const hello = screenCases.find((c) => c.state === 'idle' && c.name === 'replied');
    if (exited === undefined || hello === undefined) throw new Error('missing screen cases');
    await Promise.all([hello.drive({ pane: a, sandbox }), exited.drive({ pane: b, sandbox })]);
    await a.type('SAY: resubmitted fine');
    await a.waitForScreen(/❯\s+SAY: resubmitted fine/);

    let now = Date.UTC(2026, 10, 23, 12, 0, 0);
    const t0 = now;
    const base = testConfig(sandbox.socketName);
    const config: Config = {
      ...base,
      notifications: { ...base.notifications, escalation: { missing_agent: [0], team_idle: [10] } },
      recovery: { ...base.recovery, start_commands: { claude: 'claude' } },
    };
    const monitor = createMonitor(config, { wallClock: { now: () => now }, monotonicClock: { now: () => now }, statePath: join(dir, 'crew-state.json') });
    onTestFinished(() => monitor.stop());
    const cycleAt = (seconds: number) => {
      now = t0 + seconds * 1000;
      return monitor.runCycle();
    };

    const first = await cycleAt(0);
    expect(first.status.agents.map((x) => [x.name, x.state])).toEqual([
      ['pm', 'active'],
      ['a', 'queued_message'],
      ['b', 'crashed'],
    ]);
    // The monitor pressed Enter for a and typed `claude` at b's shell prompt.
    await a.waitForScreen(/● resubmitted fine/, { timeoutMs: 20_000 });
    await b.waitForScreen(/\? for shortcuts|\(shift\+tab to cycle\)/, { timeoutMs: 30_000 });
    expect((await b.info()).currentCommand).toBe('claude');
    // Real Claude Code may redraw for a while after a reply or a start (footer, tips). The reports at
    // 12 and 18 s need both screens unchanged from the 6 s look on: a redraw that lands between the
    // looks (a loaded CI machine once) makes an agent active again, and a report never comes.
    await settled(sandbox, '');

    const sixth = await cycleAt(6);
    // Said on failure: what the monitor saw and reported at 6 s (a CI run once found no line within 5 s).
    const seen = `agents ${JSON.stringify(sixth.status.agents.map((x) => [x.name, x.state]))}, reports ${JSON.stringify(sixth.reports)}`;
    const written = await lines(pmFile, 1, 15_000).catch((error: unknown) => {
      throw new Error(`${String(error)}; at 6 s: ${seen}`);
    });
    expect(written).toEqual(['[tmux-orc] b (crew:2) crashed, restarted (1/3 this hour); b (crew:2) fresh']);
    const said = (at: number, cycle: Awaited<ReturnType<typeof cycleAt>>) =>
      `at ${String(at)} s: agents ${JSON.stringify(cycle.status.agents.map((x) => [x.name, x.state, x.since]))}, reports ${JSON.stringify(cycle.reports.map((r) => [r.text, r.delivery]))}, held ${JSON.stringify(cycle.status.held_reports)}`;
    const twelfth = said(12, await cycleAt(12));
    const eighteenth = said(18, await cycleAt(18));
    const later = await lines(pmFile, 3).catch(async (error: unknown) => {
      throw new Error(`${String(error)}; lines ${JSON.stringify(await readLines(pmFile))}; ${twelfth}; ${eighteenth}`);
    });
    expect(later.slice(1)).toEqual(['[tmux-orc] a (crew:1) idle 6s', '[tmux-orc] team crew: all 2 agents idle 12s']);
  }, 90_000);
});

async function waitFor(test: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
