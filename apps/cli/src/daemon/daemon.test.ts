import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { existsSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simAgentCommand, simAgentScreensDir, useTmuxSandbox } from '@tmux-orc/testkit';
import type { TmuxSandbox } from '@tmux-orc/testkit';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCliIfStale, createCliHome, root, spawnCli, type CliHome } from '../__fixtures__/cli-harness.js';
import type { StatusJson } from '../shared/status-json.js';

const screensDir = join(simAgentScreensDir, 'claude-code');
// Each test spawns several CLIs in sequence; on a loaded 2-core machine one can take seconds.
let homes: CliHome[] = [];

beforeAll(() => buildCliIfStale(), 300_000);
afterEach(async () => {
  await Promise.all(homes.map((home) => home.cleanup()));
  homes = [];
});

async function newHome(): Promise<CliHome> {
  const home = await createCliHome();
  homes.push(home);
  return home;
}

/** A team: an idle Claude Code agent, one asking for approval, and a PM. */
async function team(sandbox: TmuxSandbox): Promise<{ idle: string; asking: string }> {
  const { paneId: idle } = await sandbox.newSession('team', { window: 'Claude-dev', command: simAgentCommand({ screensDir, screen: 'idle-replied' }) });
  const { paneId: asking } = await sandbox.newWindow('team', 'Claude-qa', { command: simAgentCommand({ screensDir, screen: 'waiting_input-bash-approval' }) });
  const { paneId: pm } = await sandbox.newWindow('team', 'pm', { command: simAgentCommand({ screensDir, screen: 'idle-replied' }) });
  // The sim agent runs as `sh`: the pane option tells discovery which CLI draws there, as users do.
  for (const pane of [idle, asking, pm]) await sandbox.tmux('set-option', '-p', '-t', pane, '@tmux-orc-agent', 'claude-code');
  await sandbox.waitForScreen(asking, /Do you want to proceed/);
  return { idle, asking };
}

function get(socketPath: string, path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path, method: init.method ?? 'GET', headers: init.headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

async function startDaemon(home: CliHome, sandbox: TmuxSandbox): Promise<number> {
  const run = await home.run(['-L', sandbox.socketName, 'monitor', 'start', '--interval', '0.5', '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const out = JSON.parse(run.stdout) as { started: boolean; pid: number };
  expect(out.started).toBe(true);
  return out.pid;
}

async function waitForCycles(socket: string, cycles: number): Promise<StatusJson> {
  for (let i = 0; i < 100; i += 1) {
    // Until the daemon listens, connecting fails: keep asking.
    const answer = await get(socket, '/status').catch(() => null);
    const status = answer === null ? null : (JSON.parse(answer.body) as StatusJson);
    if (status !== null && (status.detailed?.base_status.cycle_count ?? 0) >= cycles) return status;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Expected ${cycles} cycles within 10 s`);
}

describe('tmux-orc monitor start/stop/status', { timeout: 120_000 }, () => {
  it('starts one daemon: a second start says it is running with its pid; stop removes pid, socket and lock', async () => {
    const sandbox = await useTmuxSandbox();
    await team(sandbox);
    const home = await newHome();
    const pid = await startDaemon(home, sandbox);
    // Started with a small young generation and one V8 thread (see `daemonNodeFlags`, `daemonEnv`): Node's flags come before the script.
    const argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
    expect(argv.indexOf('--max-semi-space-size=1')).toBeGreaterThan(0);
    expect(argv.indexOf('--max-semi-space-size=1')).toBeLessThan(argv.findIndex((arg) => arg.endsWith('daemon-main.js')));
    expect(argv.indexOf('--v8-pool-size=1')).toBeGreaterThan(0);
    expect((await readFile(`/proc/${pid}/environ`, 'utf8')).split('\0')).toContain('MALLOC_ARENA_MAX=2');

    const again = await home.run(['-L', sandbox.socketName, 'monitor', 'start']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`tmux-orc monitor: already running (pid ${pid})\n`);

    expect((await readFile(join(home.home, 'monitor.pid'), 'utf8')).trim()).toBe(String(pid));
    expect(statSync(join(home.home, 'monitor.sock')).mode & 0o777).toBe(0o600);
    const status = await home.run(['monitor', 'status', '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ running: true, pid, answering: true });

    const stop = await home.run(['monitor', 'stop']);
    expect(stop.code).toBe(0);
    expect(stop.stdout).toMatch(new RegExp(`^tmux-orc monitor: stopped \\(pid ${pid}\\) in [0-9.]+ s\\n$`));
    for (const file of ['monitor.pid', 'monitor.sock', 'monitor.lock']) expect(existsSync(join(home.home, file)), file).toBe(false);
    // Every control-mode client the daemon had open is gone with it.
    expect(await sandbox.tmux('list-clients', '-F', '#{client_pid}')).toBe('');

    const after = await home.run(['monitor', 'status']);
    expect(after.code).toBe(3);
    expect(after.stdout).toMatch(/not running/);
    expect((await home.run(['monitor', 'stop'])).stdout).toBe('tmux-orc monitor: not running\n');
  });

  it('two starts at the same time leave exactly one daemon', async () => {
    const sandbox = await useTmuxSandbox();
    const home = await newHome();
    const runs = await Promise.all([1, 2].map(() => home.run(['-L', sandbox.socketName, 'monitor', 'start', '--json'])));
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    const outs = runs.map((r) => JSON.parse(r.stdout) as { started: boolean; pid: number });
    expect(outs.filter((o) => o.started)).toHaveLength(1);
    expect(new Set(outs.map((o) => o.pid)).size).toBe(1);
  });

  it('replaces the pid, lock and socket left by a daemon that was killed', async () => {
    const sandbox = await useTmuxSandbox();
    const home = await newHome();
    const first = await startDaemon(home, sandbox);
    process.kill(first, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 200));
    expect(existsSync(join(home.home, 'monitor.sock'))).toBe(true); // stale, left behind
    const second = await startDaemon(home, sandbox);
    expect(second).not.toBe(first);
    expect((await get(join(home.home, 'monitor.sock'), '/status')).status).toBe(200);
  });

  it('monitor run stops cleanly on SIGINT and removes its files', async () => {
    const sandbox = await useTmuxSandbox();
    await team(sandbox);
    const home = await newHome();
    const run = spawnCli(home, ['-L', sandbox.socketName, 'monitor', 'run', '--interval', '0.5']);
    try {
      await run.waitFor(() => run.stderr().includes('running (pid'), 'the daemon to say it runs');
      await waitForCycles(join(home.home, 'monitor.sock'), 1);
      run.child.kill('SIGINT');
      expect(await run.exited).toBe(0);
      expect(run.stderr()).toMatch(/stopped/);
      for (const file of ['monitor.pid', 'monitor.sock', 'monitor.lock']) expect(existsSync(join(home.home, file)), file).toBe(false);
      expect(await sandbox.tmux('list-clients', '-F', '#{client_pid}')).toBe('');
      const log = await readFile(join(home.home, 'logs/async-monitor.log'), 'utf8');
      const messages = log.trim().split('\n').map((line) => (JSON.parse(line) as { msg: string }).msg);
      expect(messages).toContain('daemon started');
      expect(messages.at(-1)).toBe('daemon stopped');
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  it('a bad config exits 2 naming the key, and starts nothing', async () => {
    const home = await newHome();
    await writeFile(join(home.dir, 'bad.yaml'), 'monitoring:\n  check_interval: -5\n');
    for (const args of [['monitor', 'start'], ['monitor', 'start', '--dry-run'], ['status'], ['health']]) {
      const run = await home.run(['--config', 'bad.yaml', ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(/bad\.yaml:2:\d+ monitoring\.check_interval: expected/);
    }
    expect((await home.run(['monitor', 'start', '--pool-size', 'many'])).stderr).toBe('--pool-size: expected a positive integer, got `many`\n');
    expect(existsSync(join(home.home, 'monitor.lock'))).toBe(false);
  });

  it('--dry-run prints the effective settings and the transport, starting nothing', async () => {
    const home = await newHome();
    const run = await home.run(['-L', 'somewhere', 'monitor', 'start', '--dry-run', '--sync', '--interval', '3', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ dry_run: true, strategy: 'polling', interval_s: 3, transport: 'exec', servers: [{ socket_name: 'somewhere' }], problem: null });
    const text = await home.run(['monitor', 'start', '--dry-run', '--strategy', 'no-such-strategy']);
    expect(text.code).toBe(2);
    expect(text.stdout).toMatch(/problem: +monitoring\.async\.strategy: expected a loadable strategy, got `no-such-strategy`/);
    expect(existsSync(join(home.home, 'monitor.lock'))).toBe(false);
  });
});

describe('tmux-orc status and health', { timeout: 120_000 }, () => {
  it('without a daemon runs one cycle itself and prints the stable JSON shape', async () => {
    const sandbox = await useTmuxSandbox();
    const { asking } = await team(sandbox);
    const home = await newHome();
    const run = await home.run(['-L', sandbox.socketName, 'status', '--json']);
    expect(run.code).toBe(0);
    const status = JSON.parse(run.stdout) as StatusJson;
    expect(Object.keys(status).sort()).toEqual(['agents', 'cycle', 'held_reports', 'hooks', 'source', 'summary']);
    expect(status).toMatchObject({ held_reports: [], hooks: { running: 0, queued: 0, dropped: 0 } });
    expect(status.source).toBe('one-shot');
    expect(status.cycle).toEqual({ ms: expect.any(Number), strategy: 'adaptive', transport: 'control' });
    const qa = status.agents.find((a) => a.id === asking);
    expect(qa).toMatchObject({ target: 'team:1.0', session: 'team', window: 'Claude-qa', name: 'qa', detector: 'claude-code', state: 'waiting_input' });
    expect(qa?.evidence).toEqual(expect.stringContaining('Do you want to proceed'));
    expect(Date.parse(qa?.since ?? '')).not.toBeNaN();
    expect(status.agents.map((a) => a.window).sort()).toEqual(['Claude-dev', 'Claude-qa', 'pm']);
    expect(status.summary['waiting_input']).toBe(1);

    const all = JSON.parse((await home.run(['-L', sandbox.socketName, 'status', '--all', '--json'])).stdout) as StatusJson;
    expect(all.agents.map((a) => a.window)).toContain('_sandbox');
  });

  it('a quiet screen seen once is idle only when tmux says the window has been still for the debounce', async () => {
    const sandbox = await useTmuxSandbox();
    const { idle } = await team(sandbox);
    const home = await newHome();
    await writeFile(join(home.dir, 'quick.yaml'), 'monitoring:\n  debounce: 1\n');
    const early = JSON.parse((await home.run(['-L', sandbox.socketName, '--config', 'quick.yaml', 'status', '--json'])).stdout) as StatusJson;
    await new Promise((r) => setTimeout(r, 2100)); // window_activity has a 1 s resolution
    const late = JSON.parse((await home.run(['-L', sandbox.socketName, '--config', 'quick.yaml', 'status', '--json'])).stdout) as StatusJson;
    const lateDev = late.agents.find((a) => a.id === idle);
    expect(lateDev?.state).toBe('idle');
    expect(lateDev?.detail['basis']).toBe('window_activity');
    expect(early.agents.find((a) => a.id === idle)?.detail['basis']).toBe('window_activity');
    const waited = JSON.parse((await home.run(['-L', sandbox.socketName, '--config', 'quick.yaml', 'status', '--wait', '--json'])).stdout) as StatusJson;
    expect(waited.agents.find((a) => a.id === idle)?.state).toBe('idle');
  });

  it('with a daemon answers from it, --detailed adds pool, cache and cycles; another -L is not answered by it', async () => {
    const sandbox = await useTmuxSandbox();
    await team(sandbox);
    const home = await newHome();
    await startDaemon(home, sandbox);
    await waitForCycles(join(home.home, 'monitor.sock'), 2);
    const run = await home.run(['-L', sandbox.socketName, 'status', '--detailed', '--json']);
    expect(run.code).toBe(0);
    const status = JSON.parse(run.stdout) as StatusJson;
    expect(status.source).toBe('daemon');
    expect(status.detailed?.connection_pool?.transport).toBe('control');
    expect(Object.keys(status.detailed?.cache_performance ?? {})).toEqual(['pane_content']);
    expect(status.detailed?.cycles.count).toBeGreaterThanOrEqual(2);
    const text = await home.run(['-L', sandbox.socketName, 'status', '--detailed']);
    expect(text.stdout).toMatch(/from the daemon/);
    expect(text.stdout).toMatch(/^pool: +control, 1 open/m);
    expect(text.stdout).toMatch(/^cache: +pane_content: /m);
    expect(text.stdout).toMatch(/^cycles: +\d+ run, last /m);

    const other = await home.run(['-L', 'tmux-orc-test-no-such-server', 'status', '--json']);
    expect(other.code).toBe(1);
    expect(JSON.parse(other.stdout)).toMatchObject({ source: 'one-shot', agents: [] });
    expect(other.stderr).toMatch(/tmux server -L tmux-orc-test-no-such-server cannot be reached/);
    // Readable: only the error, not "0 agents" as if the fleet were empty.
    const dead = await home.run(['-L', 'tmux-orc-test-no-such-server', 'status']);
    expect(dead).toMatchObject({ code: 1, stdout: '' });
    expect(dead.stderr).toMatch(/^tmux-orc status: tmux server -L tmux-orc-test-no-such-server cannot be reached: .+\n$/);
  });

  it('health passes on a healthy fleet, fails (exit 1) on a threshold, 2 on a bad flag', async () => {
    const sandbox = await useTmuxSandbox();
    await team(sandbox);
    const home = await newHome();
    const ok = await home.run(['-L', sandbox.socketName, 'health']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^✅ cycle time: last [0-9.]+ ms \(limit 10000 ms\)$/m);
    expect(ok.stdout).not.toMatch(/❌/);
    const slow = await home.run(['-L', sandbox.socketName, 'health', '--max-cycle-ms', '0.001', '--json']);
    expect(slow.code).toBe(1);
    const checks = (JSON.parse(slow.stdout) as { ok: boolean; checks: { name: string; ok: boolean }[] }).checks;
    expect(checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['cycle time']);
    const down = await home.run(['-L', 'tmux-orc-test-no-such-server', 'health']);
    expect(down.code).toBe(1);
    expect(down.stdout).toMatch(/^❌ tmux servers: -L tmux-orc-test-no-such-server down/m);
    expect((await home.run(['health', '--max-error-rate', 'lots'])).code).toBe(2);
  });
});

describe('the daemon API on its socket', { timeout: 120_000 }, () => {
  it('serves /status, /metrics, /events and takes Claude Code hooks', async () => {
    const sandbox = await useTmuxSandbox();
    const { idle, asking } = await team(sandbox);
    const home = await newHome();
    await startDaemon(home, sandbox);
    const socket = join(home.home, 'monitor.sock');
    const status = await waitForCycles(socket, 1);
    expect(status.agents.find((a) => a.id === asking)?.state).toBe('waiting_input');

    const metrics = await get(socket, '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toMatch(/^# TYPE tmux_orc_cycles_total counter$/m);
    expect(metrics.body).toMatch(/^tmux_orc_agents\{state="waiting_input"\} 1$/m);
    expect(metrics.body).toMatch(/^tmux_orc_pool_connections\{transport="control"\} 1$/m);
    expect(metrics.body).toMatch(/^tmux_orc_cache_hit_ratio\{layer="pane_content"\} [0-9.]+$/m);

    // One event per transition: approve the prompt (the agent starts working).
    const events: string[] = [];
    const stream = request({ socketPath: socket, path: '/events' }, (response) => {
      response.on('data', (chunk: Buffer) => events.push(chunk.toString()));
    });
    stream.end();
    await new Promise((r) => setTimeout(r, 300));
    await sandbox.sendLine(asking, 'screen active-streaming');
    for (let i = 0; i < 100 && !events.join('').includes('"to":"active"'); i += 1) await new Promise((r) => setTimeout(r, 100));
    stream.destroy();
    const transition = events.join('').split('\n\n').find((e) => e.includes('"to":"active"')) ?? '';
    expect(transition).toMatch(/^event: transition\ndata: /);
    expect(JSON.parse(transition.split('data: ')[1] ?? '{}')).toMatchObject({ agentId: asking, from: 'waiting_input', to: 'active' });

    const hook = await get(socket, '/hooks/claude-code', { method: 'POST', headers: { 'x-tmux-pane': idle }, body: JSON.stringify({ hook_event_name: 'Stop', session_id: 's1', cwd: '/x' }) });
    expect(hook.status).toBe(200);
    expect(JSON.parse(hook.body)).toMatchObject({ matched: true, by: 'pane', agent: idle, target: 'team:0.0', event: 'Stop', implies: 'idle' });
    const seen = JSON.parse((await get(socket, '/status')).body) as StatusJson;
    expect(seen.agents.find((a) => a.id === idle)?.hook).toMatchObject({ event: 'Stop', session_id: 's1' });

    const byCwd = await get(socket, '/hooks/claude-code', { method: 'POST', body: JSON.stringify({ hook_event_name: 'PreToolUse', cwd: '/no/such/dir', tool_name: 'Bash' }) });
    expect(byCwd.status).toBe(202);
    expect(JSON.parse(byCwd.body)).toEqual({ matched: false, reason: 'no monitored pane in /no/such/dir' });
    const bad = await get(socket, '/hooks/claude-code', { method: 'POST', body: JSON.stringify({ hook_event_name: 'Bogus' }) });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toMatch(/^Expected hook_event_name to be one of Stop, Notification, PreToolUse, UserPromptSubmit, SessionEnd, got "Bogus"$/);
    expect((await get(socket, '/nope')).status).toBe(404);

    const logs = await home.run(['monitor', 'logs', '-n', '50']);
    expect(logs.code).toBe(0);
    expect(logs.stdout).toMatch(/INFO +claude-code hook agent=%\d+ target=team:0\.0 by=pane event=Stop/);
  });
});

describe('the README', { timeout: 120_000 }, () => {
  it('its Claude Code hook command reaches the daemon with the pane it runs in', async () => {
    const readme = await readFile(join(root, 'apps/cli/README.md'), 'utf8');
    const block = /### Claude Code hook configuration[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const settings = JSON.parse(block) as { hooks: Record<string, { hooks: { command: string }[] }[]> };
    expect(Object.keys(settings.hooks).sort()).toEqual(['Notification', 'PreToolUse', 'SessionEnd', 'Stop', 'UserPromptSubmit']);
    const command = settings.hooks['Notification']?.[0]?.hooks[0]?.command ?? '';

    const sandbox = await useTmuxSandbox();
    const { asking } = await team(sandbox);
    const home = await newHome();
    // With no daemon the hook must still succeed quietly: Claude Code must never be held up by us.
    const hookRun = (env: Record<string, string>) =>
      new Promise<{ code: number; stdout: string }>((resolve) => {
        const child = execFile('sh', ['-c', command], { env: { ...home.env, ...env } }, (error, stdout) => resolve({ code: error === null ? 0 : Number(error.code), stdout }));
        child.stdin?.end(JSON.stringify({ hook_event_name: 'Notification', message: 'Claude needs your permission to use Bash', session_id: 'r1', cwd: '/' }));
      });
    expect(await hookRun({ TMUX_PANE: asking })).toEqual({ code: 0, stdout: '' });

    await startDaemon(home, sandbox);
    const socket = join(home.home, 'monitor.sock');
    await waitForCycles(socket, 1);
    expect(await hookRun({ TMUX_PANE: asking })).toEqual({ code: 0, stdout: '' });
    const status = JSON.parse((await get(socket, '/status')).body) as StatusJson;
    expect(status.agents.find((a) => a.id === asking)?.hook).toMatchObject({ event: 'Notification', implies: 'waiting_input', screen_state: 'waiting_input', agrees: true, session_id: 'r1' });
  });
});

describe('monitor run --json and monitor logs -f', { timeout: 120_000 }, () => {
  it('prints transitions as JSON lines, and logs -f shows new log lines as they come', async () => {
    const sandbox = await useTmuxSandbox();
    const { asking } = await team(sandbox);
    const home = await newHome();
    const run = spawnCli(home, ['-L', sandbox.socketName, 'monitor', 'run', '--json', '--interval', '0.3']);
    let follow: ReturnType<typeof spawnCli> | undefined;
    try {
      await waitForCycles(join(home.home, 'monitor.sock'), 1);
      await sandbox.sendLine(asking, 'screen error-http529-retrying');
      await run.waitFor(() => run.stdout().includes('"to":"error"'), 'the error transition on stdout');
      const line = run.stdout().split('\n').find((l) => l.includes('"to":"error"')) ?? '';
      expect(JSON.parse(line)).toMatchObject({ agentId: asking, from: 'waiting_input', to: 'error', detector: 'claude-code' });

      // Once `logs -f` has printed the last line, a new transition must reach it.
      const tail = spawnCli(home, ['monitor', 'logs', '-f', '-n', '1']);
      follow = tail;
      await tail.waitFor(() => tail.stdout().includes('\n'), 'logs -f to print the last line');
      await sandbox.sendLine(asking, 'screen active-streaming');
      await tail.waitFor(() => /INFO +transition agentId=%\d+ .*from=error to=active/.test(tail.stdout()), 'the followed log to show the new transition');
      tail.child.kill('SIGINT');
      expect(await tail.exited).toBe(0);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    } finally {
      follow?.child.kill('SIGKILL');
      run.child.kill('SIGKILL');
    }
  });

  it('without --json prints each transition as one readable line (the demo table\'s columns), not JSON', async () => {
    const sandbox = await useTmuxSandbox();
    const { asking } = await team(sandbox);
    const home = await newHome();
    const run = spawnCli(home, ['-L', sandbox.socketName, 'monitor', 'run', '--interval', '0.3']);
    try {
      await waitForCycles(join(home.home, 'monitor.sock'), 1);
      await sandbox.sendLine(asking, 'screen error-http529-retrying');
      await run.waitFor(() => run.stdout().includes('→ error'), 'the error transition on stdout');
      const line = run.stdout().split('\n').find((l) => l.includes('→ error')) ?? '';
      expect(line).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z  ${asking}  team:1\\.0  qa  waiting_input → error  claude-code  \\S`));
      expect(run.stdout()).not.toContain('{');
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    } finally {
      run.child.kill('SIGKILL');
    }
  });
});
