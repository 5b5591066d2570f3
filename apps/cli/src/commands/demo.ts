import { AsyncHealthChecker } from '@tmux-orc/health-checker';
import { createTmuxSandbox } from '@tmux-orc/testkit';
import { createTmuxConnectionPool, listPanes } from '@tmux-orc/tmux-pool';
import type { Command } from 'commander';
import pc from 'picocolors';
import { createDemoDriver } from '../demo/demo-driver.js';
import { createDemoFleet } from '../demo/demo-fleet.js';
import { renderAgentTable } from '../demo/render-agent-table.js';

interface DemoOptions {
  agents: string;
  interval: string;
  cycles?: string;
}

function positiveNumber(option: string, text: string, integer: boolean): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`Expected --${option} to be a positive ${integer ? 'integer' : 'number'}, got \`${text}\``);
  }
  return value;
}

/**
 * Runs the demo: a private tmux server with simulated agents drawing real Claude Code screens and
 * a PM, watched once per interval, shown as a live table; everything is removed on exit.
 */
async function runDemo(options: DemoOptions): Promise<void> {
  const count = positiveNumber('agents', options.agents, true);
  const intervalMs = positiveNumber('interval', options.interval, false) * 1000;
  const cycles = options.cycles === undefined ? Number.POSITIVE_INFINITY : positiveNumber('cycles', options.cycles, true);
  const sandbox = await createTmuxSandbox({ width: 120, height: 40 });
  const pool = createTmuxConnectionPool({ server: sandbox.server });
  let stopping = false;
  const stop = (): void => {
    stopping = true;
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const fleet = await createDemoFleet(sandbox, count);
    const driver = createDemoDriver(sandbox, fleet.agents);
    const checker = new AsyncHealthChecker({ runner: pool, debounceMs: 3000, clock: { now: () => Date.now() } });
    const names = new Map([fleet.pm, ...fleet.agents].map((agent) => [agent.paneId, agent.name]));
    const live = process.stdout.isTTY;
    process.stderr.write(`tmux-orc demo: ${count} simulated agents and a PM on a private tmux server.\n`);
    process.stderr.write(`Look at them:  tmux -L ${sandbox.socketName} attach -t ${fleet.session}\n`);
    process.stderr.write(`Press Ctrl-C to stop; everything is removed on exit.\n`);
    for (let cycle = 1; cycle <= cycles && !stopping; cycle += 1) {
      const started = performance.now();
      const panes = (await listPanes(pool)).filter((pane) => names.has(pane.id));
      const results = await checker.checkMany(panes);
      const cycleMs = performance.now() - started;
      const rows = panes.flatMap((pane) => {
        const result = results.get(pane.id);
        return result === undefined ? [] : [{ name: names.get(pane.id) ?? pane.id, target: pane.target, result }];
      });
      const header = `${pc.bold('tmux-orc demo')}  -L ${sandbox.socketName}  cycle ${cycle}  ${cycleMs.toFixed(1)} ms  transport ${pool.transport}`;
      const frame = `${header}\n${renderAgentTable(rows, Date.now())}\n`;
      process.stdout.write(live ? `\u001b[H\u001b[2J${frame}` : frame);
      await driver.step();
      const wait = Math.max(0, intervalMs - (performance.now() - started));
      for (let waited = 0; waited < wait && !stopping; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
    await pool.close();
    await sandbox.kill();
    process.stderr.write('tmux-orc demo: stopped; the demo tmux server is gone.\n');
  }
}

/** Registers `tmux-orc demo`. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('watch simulated agents (real Claude Code screens) on a private tmux server; removed on exit')
    .option('--agents <n>', 'number of simulated agents', '12')
    .option('--interval <seconds>', 'seconds between cycles', '1')
    .option('--cycles <n>', 'stop after this many cycles (default: until Ctrl-C)')
    .action(async (options: DemoOptions) => {
      await runDemo(options);
    });
}
