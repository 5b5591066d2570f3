#!/usr/bin/env node
import { createTmuxSandbox, simAgentCommand } from '@tmux-orc/sim-fleet';
import { Command } from 'commander';
import { type CaptureMode, controlPool, discoverPanes, execParallel, execSerial } from './capture-modes.js';
import { percentile } from './statistics.js';

/**
 * Captures every pane of a private tmux server full of simulated agents, once per round, with each
 * capture mode side by side in the same run, and prints the medians and the speed-ups.
 */
async function main(): Promise<void> {
  const program = new Command('capture-compare')
    .option('--panes <n>', 'simulated agents to capture', '1000')
    .option('--rounds <n>', 'captures of every pane per mode', '5')
    .option('--json', 'print JSON instead of a table')
    .parse();
  const options = program.opts<{ panes: string; rounds: string; json?: boolean }>();
  const panes = Number(options.panes);
  const rounds = Number(options.rounds);
  if (!Number.isInteger(panes) || panes < 1) throw new Error(`Expected --panes to be a positive integer, got \`${options.panes}\``);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`Expected --rounds to be a positive integer, got \`${options.rounds}\``);

  const sandbox = await createTmuxSandbox({ width: 120, height: 40 });
  const stop = (): void => {
    void sandbox.kill().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    process.stderr.write(`starting ${panes} simulated agents on -L ${sandbox.socketName}…\n`);
    await sandbox.spawnAgents(panes, { session: 'bench', windowsPerSession: 250, command: () => simAgentCommand({ screen: 'working' }) });
    const ids = (await discoverPanes(sandbox.server)).filter((pane) => pane.session.startsWith('bench')).map((pane) => pane.id);
    const results: { mode: string; description: string; median_ms: number; min_ms: number; screens: number }[] = [];
    const modes: CaptureMode[] = [execSerial, execParallel, controlPool];
    for (const mode of modes) {
      const session = await mode.setUp(sandbox.server);
      const times: number[] = [];
      let screens = 0;
      try {
        await session.captureAll(ids.slice(0, 10)); // warm-up
        for (let round = 0; round < rounds; round += 1) {
          const started = performance.now();
          screens = await session.captureAll(ids);
          times.push(performance.now() - started);
          process.stderr.write(`  ${mode.name} round ${round + 1}/${rounds}: ${times.at(-1)?.toFixed(1)} ms\n`);
        }
      } finally {
        await session.tearDown();
      }
      results.push({ mode: mode.name, description: mode.description, median_ms: percentile(times, 50), min_ms: Math.min(...times), screens });
    }
    const byName = new Map(results.map((result) => [result.mode, result.median_ms]));
    const control = byName.get('control-pool') ?? Number.NaN;
    const speedup = {
      control_vs_exec_serial: (byName.get('exec-serial') ?? Number.NaN) / control,
      control_vs_exec_parallel: (byName.get('exec-parallel-16') ?? Number.NaN) / control,
    };
    const report = { date: new Date().toISOString(), panes: ids.length, rounds, results, speedup };
    if (options.json) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      console.table(results.map(({ mode, median_ms, min_ms, screens }) => ({ mode, 'median ms': median_ms.toFixed(1), 'min ms': min_ms.toFixed(1), screens })));
      process.stdout.write(
        `control pool vs one process per pane: ${speedup.control_vs_exec_serial.toFixed(1)}x (serial), ${speedup.control_vs_exec_parallel.toFixed(1)}x (16 in flight)\n`,
      );
    }
  } finally {
    await sandbox.kill();
  }
}

await main();
