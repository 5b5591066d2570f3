#!/usr/bin/env node
/**
 * Soak test of the real daemon (not run in CI): N simulated Claude Code agents on a private tmux
 * server change state at random for M minutes while the built `tmux-orc` daemon watches them.
 * At the end it checks: no leaked tmux clients, RSS within a bound, and every transition the
 * driver caused reported exactly once on the daemon's `/events` stream.
 *
 *   pnpm --filter @tmux-orc/benchmark build && pnpm --filter tmux-orc build
 *   pnpm --filter @tmux-orc/benchmark soak -- --minutes 3 [--agents 300] [--interval 1] [--discovery list] [--json]
 *
 * With `--notify`, the daemon also has a webhook channel to a receiver on 127.0.0.1 (its URL holds a
 * token) and the soak checks the spam bound: no agent got more than `--notify-max` notifications in
 * any `--notify-window` seconds, the token is in no log, and `/metrics` counts the channel.
 *
 * Exit code 0 when every check passes, 1 otherwise.
 */
import { request } from 'node:http';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { createTmuxSandbox, simAgentCommand, simAgentScreensDir, type TmuxSandbox } from '@tmux-orc/sim-fleet';
import { cliBin, daemonStatus as statusOf, rssKiB, run } from './daemon-client.js';
import { subscribeTransitions } from './soak-events.js';
import { notificationFigures, soakChannelYaml, startSoakReceiver, type SoakNotifyPolicy, type SoakReceiver } from './soak-notifications.js';

const screensDir = join(simAgentScreensDir, 'claude-code');

/**
 * Screens the driver switches between, each decided by a sign on the screen (no debounce), so one
 * switch is one transition. (The testkit's `rate_limited-http429-unified` screen reads as active,
 * then idle, at 80x24: it is left out rather than modelled.)
 */
const SCREENS: Readonly<Record<string, string>> = {
  waiting_input: 'waiting_input-bash-approval',
  error: 'error-http529-retrying',
  compacting: 'compacting-compact',
};
const STATES = Object.keys(SCREENS);
/** The daemon may grow this much over its RSS after warm-up. */
const RSS_GROWTH_BOUND_KIB = 200 * 1024;

interface Options {
  minutes: number;
  agents: number;
  interval: number;
  /**
   * `events` (the default): the adaptive strategy fed by tmux's notifications; `list`: the
   * concurrent strategy over one `list-panes -a` a cycle (the defaults before issue 16).
   */
  discovery: 'list' | 'events';
  json: boolean;
  /** Set with `--notify`: the webhook channel's policy. */
  notify: SoakNotifyPolicy | null;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** The body of a GET on the daemon's socket. */
function getText(socketPath: string, path: string): Promise<string> {
  return new Promise((done, fail) => {
    const req = request({ socketPath, path }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => done(body));
    });
    req.on('error', fail);
    req.end();
  });
}

async function soak(options: Options): Promise<number> {
  const say = (line: string): void => void (options.json ? process.stderr : process.stdout).write(`${line}\n`);
  const dir = await mkdtemp(join(tmpdir(), 'tmux-orc-soak-'));
  const home = join(dir, 'home');
  const env = { ...process.env, TMUX_ORC_HOME: home, NO_COLOR: '1' };
  let sandbox: TmuxSandbox | undefined;
  let daemonPid: number | undefined;
  let receiver: SoakReceiver | undefined;
  try {
    sandbox = await createTmuxSandbox({ width: 80, height: 24 });
    const box = sandbox;
    const initial = STATES[0] ?? 'waiting_input';
    const agents = await box.spawnAgents(options.agents, {
      session: 'soak',
      windowsPerSession: 50,
      command: () => simAgentCommand({ screensDir, screen: SCREENS[initial] ?? '' }),
      windowName: (i) => `Claude-s${i}`,
    });
    for (let i = 0; i < agents.length; i += 50) {
      await box.tmux(...agents.slice(i, i + 50).flatMap((a, j) => [...(j === 0 ? [] : [';']), 'set-option', '-p', '-t', a.paneId, '@tmux-orc-agent', 'claude-code']));
    }
    receiver = options.notify === null ? undefined : await startSoakReceiver();
    const channels = receiver === undefined || options.notify === null ? '' : soakChannelYaml(receiver.url, options.notify);
    const events = options.discovery === 'events' ? '  async:\n    strategy: adaptive\n    discovery: events\n' : '  async:\n    strategy: concurrent\n    discovery: list\n';
    await writeFile(join(dir, 'soak.yaml'), `monitoring:\n  check_interval: ${options.interval}\n  debounce: 1\n${events}notifications:\n  pm_enabled: false\n${channels}recovery:\n  restart_crashed: false\n  resubmit_attempts: 0\n`);
    const started = await run(process.execPath, [cliBin, '--config', join(dir, 'soak.yaml'), '-L', box.socketName, 'monitor', 'start', '--json'], env);
    if (started.code !== 0) throw new Error(`Expected monitor start to exit 0, got ${started.code}: ${started.stdout}${started.stderr}`);
    daemonPid = (JSON.parse(started.stdout) as { pid: number }).pid;
    say(`soak: ${options.agents} agents on -L ${box.socketName}, daemon pid ${daemonPid}, ${options.minutes} min, interval ${options.interval} s, discovery ${options.discovery}`);

    // Every agent seen in its first state before the driver starts.
    for (;;) {
      const status = await statusOf(join(home, 'monitor.sock')).catch(() => undefined);
      if (status !== undefined && status.agents.filter((a) => a.state === initial).length === options.agents) break;
      await sleep(500);
    }
    const stream = await subscribeTransitions(join(home, 'monitor.sock'));
    await sleep(3 * options.interval * 1000);
    const baselineRss = rssKiB(daemonPid);

    // The driver: every 100 ms, one agent not switched for `hold` ms moves to another state.
    const current = new Map(agents.map((a) => [a.paneId, initial]));
    const lastSwitch = new Map<string, number>(agents.map((a) => [a.paneId, 0]));
    const caused = new Map<string, string[]>(agents.map((a) => [a.paneId, []]));
    const holdMs = 6 * options.interval * 1000;
    const rss: number[] = [];
    const clientCounts: number[] = [];
    let switches = 0;
    const endAt = Date.now() + options.minutes * 60_000;
    let nextSample = Date.now();
    while (Date.now() < endAt) {
      const now = Date.now();
      const ready = agents.filter((a) => now - (lastSwitch.get(a.paneId) ?? 0) >= holdMs);
      const agent = ready[Math.floor(Math.random() * ready.length)];
      if (agent !== undefined) {
        const choices = STATES.filter((s) => s !== current.get(agent.paneId));
        const next = choices[Math.floor(Math.random() * choices.length)] ?? initial;
        await box.tmux('send-keys', '-t', agent.paneId, '-l', `screen ${SCREENS[next] ?? ''}`, ';', 'send-keys', '-t', agent.paneId, 'Enter');
        current.set(agent.paneId, next);
        lastSwitch.set(agent.paneId, now);
        caused.get(agent.paneId)?.push(next);
        switches += 1;
      }
      if (now >= nextSample) {
        rss.push(rssKiB(daemonPid));
        clientCounts.push((await box.tmux('list-clients', '-F', '#{client_pid}')).split('\n').filter(Boolean).length);
        nextSample = now + 10_000;
        say(`  ${Math.round((endAt - now) / 1000)} s left: ${switches} switches, ${stream.transitions.length} transitions, RSS ${Math.round((rss.at(-1) ?? 0) / 1024)} MiB, clients ${clientCounts.at(-1)}`);
      }
      await sleep(100);
    }
    // Let the last switches be seen.
    await sleep(holdMs);
    stream.close();
    const status = await statusOf(join(home, 'monitor.sock'));

    // Compare per agent: the states the driver caused, in order, against the reported `to`s.
    let missing = 0;
    let extra = 0;
    let duplicated = 0;
    const examples: string[] = [];
    for (const agent of agents) {
      const expected = caused.get(agent.paneId) ?? [];
      const reported = stream.transitions.filter((t) => t.agentId === agent.paneId);
      const got = reported.map((t) => t.to);
      for (let i = 1; i < reported.length; i += 1) if (reported[i]?.to === reported[i - 1]?.to) duplicated += 1;
      if (got.join() !== expected.join()) {
        // Count by multiset difference; keep a few examples to read.
        const left = [...got];
        for (const state of expected) {
          const at = left.indexOf(state);
          if (at === -1) missing += 1;
          else left.splice(at, 1);
        }
        extra += left.length;
        if (examples.length < 5) examples.push(`${agent.paneId}: caused ${expected.join('>')} reported ${reported.map((t) => `${t.from}>${t.to}`).join(' ')}`);
      }
    }
    const metrics = receiver === undefined ? '' : await getText(join(home, 'monitor.sock'), '/metrics');
    const finalClients = (await box.tmux('list-clients', '-F', '#{client_pid}')).split('\n').filter(Boolean).length;
    const stop = await run(process.execPath, [cliBin, 'monitor', 'stop'], env);
    const afterStopClients = (await box.tmux('list-clients', '-F', '#{client_pid}')).split('\n').filter(Boolean).length;
    const maxRss = Math.max(...rss);
    const notify =
      receiver === undefined || options.notify === null
        ? null
        : {
            ...notificationFigures(receiver, options.notify, stream.transitions.filter((t) => t.to === 'waiting_input' || t.to === 'error').length),
            metrics: metrics.split('\n').filter((line) => line.startsWith('tmux_orc_notification')),
            token_in_logs: await tokenInFiles(join(home, 'logs'), receiver.token),
          };
    const notifyPass = notify === null || (notify.max_per_agent_per_window_sent <= (options.notify?.max ?? 0) && notify.agent_notifications > 0 && notify.metrics.length > 0 && !notify.token_in_logs);
    const result = {
      minutes: options.minutes,
      agents: options.agents,
      discovery: options.discovery,
      switches,
      transitions_reported: stream.transitions.length,
      missing,
      extra,
      duplicated,
      examples,
      cycles: status.detailed?.cycles.count ?? null,
      cycle_p50_ms: status.detailed?.cycles.p50_ms ?? null,
      cycle_p95_ms: status.detailed?.cycles.p95_ms ?? null,
      cycle_max_ms: status.detailed?.cycles.max_ms ?? null,
      skipped_ticks: status.detailed?.skipped_cycles ?? null,
      pool: status.detailed?.connection_pool ?? null,
      rss_baseline_mib: Math.round(baselineRss / 1024),
      rss_max_mib: Math.round(maxRss / 1024),
      rss_last_mib: Math.round((rss.at(-1) ?? 0) / 1024),
      tmux_clients_max: Math.max(...clientCounts, finalClients),
      tmux_clients_after_stop: afterStopClients,
      stop_exit: stop.code,
      ...(notify === null ? {} : { notify }),
    };
    const pass = notifyPass && missing === 0 && extra === 0 && duplicated === 0 && maxRss - baselineRss < RSS_GROWTH_BOUND_KIB && result.tmux_clients_max <= 4 && afterStopClients === 0 && stop.code === 0;
    daemonPid = undefined;
    if (options.json) process.stdout.write(`${JSON.stringify({ pass, ...result }, null, 2)}\n`);
    else for (const [key, value] of Object.entries({ pass, ...result })) say(`${key.padEnd(22)} ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
    return pass ? 0 : 1;
  } finally {
    if (daemonPid !== undefined) {
      await run(process.execPath, [cliBin, 'monitor', 'stop', '--timeout', '10'], env);
      try {
        process.kill(daemonPid, 'SIGKILL');
      } catch {
        // stopped
      }
    }
    await sandbox?.kill();
    await receiver?.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** True when a file under `dir` contains `token`. */
async function tokenInFiles(dir: string, token: string): Promise<boolean> {
  const files = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const file of files) {
    if (file.isFile() && (await readFile(join(file.parentPath, file.name), 'utf8')).includes(token)) return true;
  }
  return false;
}

const program = new Command('tmux-orc-soak')
  .description('Soak the real tmux-orc daemon with simulated agents changing state at random (not for CI)')
  .option('--minutes <m>', 'how long the driver runs', '10')
  .option('--agents <n>', 'simulated Claude Code agents', '300')
  .option('--interval <s>', 'monitoring.check_interval of the daemon', '1')
  .option('--discovery <events|list>', 'monitoring.async.discovery of the daemon (events runs the adaptive strategy, list the concurrent one)', 'events')
  .option('--json', 'print the result as JSON')
  .option('--notify', 'add a webhook channel to a local receiver and check the spam bound')
  .option('--notify-max <n>', 'policy.max_per_agent', '3')
  .option('--notify-window <s>', 'policy.max_per_agent_window', '300')
  .option('--notify-cooldown <s>', 'policy.cooldown', '120')
  .option('--notify-rollup <s>', 'policy.rollup_window', '10')
  .option('--notify-escalate <s>', 'policy.escalate_after', '60')
  .action(async (raw: { minutes: string; agents: string; interval: string; discovery: string; json?: boolean; notify?: boolean; notifyMax: string; notifyWindow: string; notifyCooldown: string; notifyRollup: string; notifyEscalate: string }) => {
    if (raw.discovery !== 'list' && raw.discovery !== 'events') {
      process.stderr.write(`--discovery: expected list or events, got \`${raw.discovery}\`\n`);
      process.exitCode = 2;
      return;
    }
    const notify = { max: Number(raw.notifyMax), window: Number(raw.notifyWindow), cooldown: Number(raw.notifyCooldown), rollup: Number(raw.notifyRollup), escalateAfter: Number(raw.notifyEscalate) };
    const options: Options = { minutes: Number(raw.minutes), agents: Number(raw.agents), interval: Number(raw.interval), discovery: raw.discovery, json: raw.json === true, notify: raw.notify === true ? notify : null };
    for (const [name, value] of [['--minutes', options.minutes], ['--agents', options.agents], ['--interval', options.interval], ['--notify-max', notify.max], ['--notify-window', notify.window], ['--notify-escalate', notify.escalateAfter]] as const) {
      if (!Number.isFinite(value) || value <= 0) {
        process.stderr.write(`${name}: expected a positive number, got \`${String(value)}\`\n`);
        process.exitCode = 2;
        return;
      }
    }
    process.exitCode = await soak(options);
  });

// `pnpm soak -- --minutes 10` hands the script a literal `--` (npm drops it): options follow it here.
const [node = process.execPath, script = 'soak.js', ...args] = process.argv;
await program.parseAsync([node, script, ...(args[0] === '--' ? args.slice(1) : args)]);
