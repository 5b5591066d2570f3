import { runDaemon } from './daemon/run-daemon.js';
import { processIo } from './shared/command-io.js';
import { readHandedConfig } from './shared/handed-config.js';

/*
 * The detached daemon's process: `monitor start` spawns `node daemon-main.js` and writes the
 * configuration it loaded and validated to its stdin (see `handedConfigText`). No command line to
 * parse, so the daemon holds neither commander nor the config package, zod and yaml in memory.
 * Its stdout and stderr are `logs/daemon-output.log`.
 */
const io = processIo();
try {
  const loaded = await readHandedConfig(process.stdin);
  if (typeof loaded === 'string') {
    io.stderr(`tmux-orc daemon: ${loaded}\n`);
    process.exitCode = 2;
  } else {
    process.exitCode = await runDaemon(loaded, io, { echo: false, json: false });
  }
} catch (error) {
  io.stderr(`tmux-orc daemon: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
