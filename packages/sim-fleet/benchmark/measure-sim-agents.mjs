// Measures what N simulated agents cost on this machine: spawn time, memory, idle CPU, teardown.
// Usage: pnpm --filter @tmux-orc/sim-fleet build && node packages/sim-fleet/benchmark/measure-sim-agents.mjs [N]
// A measurement, not a test: it prints numbers and asserts nothing.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTmuxSandbox, simAgentCommand } from '../dist/index.js';

const count = Number(process.argv[2] ?? 1000);
const ticksPerSecond = 100; // USER_HZ on Linux

function statusKb(pid, field) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
  return line === undefined ? 0 : Number(line.split(/\s+/)[1]);
}
function pssKb(pid) {
  const line = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').split('\n').find((l) => l.startsWith('Pss:'));
  return line === undefined ? 0 : Number(line.split(/\s+/)[1]);
}
function cpuTicks(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}
const mb = (kb) => `${(kb / 1024).toFixed(1)} MiB`;

const sandbox = await createTmuxSandbox({ width: 120, height: 40 });
try {
  let start = performance.now();
  const agents = await sandbox.spawnAgents(count, { windowsPerSession: 100, command: () => simAgentCommand({ screen: 'idle' }) });
  const spawnMs = performance.now() - start;

  start = performance.now();
  for (;;) {
    const commands = (await sandbox.tmux('list-panes', '-a', '-F', '#{pane_current_command}')).split('\n');
    if (commands.filter((c) => c === 'sh').length >= count) break;
    await sleep(100);
  }
  const settleMs = performance.now() - start;

  const pids = (await sandbox.tmux('list-panes', '-a', '-F', '#{pane_pid}')).split('\n').map(Number);
  const agentPids = pids.slice(1); // the first pane is the sandbox's own session
  const serverRss = statusKb(sandbox.serverPid, 'VmRSS');
  const agentsRss = agentPids.reduce((sum, pid) => sum + statusKb(pid, 'VmRSS'), 0);
  const agentsPss = agentPids.reduce((sum, pid) => sum + pssKb(pid), 0);
  const serverPss = pssKb(sandbox.serverPid);

  await sleep(2000); // let the spawn burst settle
  const idleSeconds = 5;
  const before = agentPids.reduce((sum, pid) => sum + cpuTicks(pid), 0);
  const serverBefore = cpuTicks(sandbox.serverPid);
  await sleep(idleSeconds * 1000);
  const agentsCpu = (agentPids.reduce((sum, pid) => sum + cpuTicks(pid), 0) - before) / ticksPerSecond / idleSeconds;
  const serverCpu = (cpuTicks(sandbox.serverPid) - serverBefore) / ticksPerSecond / idleSeconds;

  start = performance.now();
  await sandbox.kill();
  const killMs = performance.now() - start;
  start = performance.now();
  while (readStateOrGone(sandbox.serverPid)) await sleep(50);
  const goneMs = performance.now() - start;

  console.log(JSON.stringify({
    agents: agents.length,
    spawnAgentsMs: Math.round(spawnMs),
    untilAllAgentsRunMs: Math.round(settleMs),
    serverRss: mb(serverRss),
    serverPss: mb(serverPss),
    agentsRssSum: mb(agentsRss),
    agentsPssSum: mb(agentsPss),
    agentsRssEach: `${(agentsRss / agentPids.length).toFixed(0)} KiB`,
    idleCpuAgents: `${(agentsCpu * 100).toFixed(2)} % of one core`,
    idleCpuServer: `${(serverCpu * 100).toFixed(2)} % of one core`,
    killMs: Math.round(killMs),
    serverProcessGoneAfterKillMs: Math.round(goneMs + killMs),
    loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
  }, null, 2));
} finally {
  await sandbox.kill();
}

function readStateOrGone(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
