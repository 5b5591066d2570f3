import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { isProcessRunning } from '../process-running.js';
import { SimFleetError } from '../sim-fleet-error.js';
import { descendantsOf } from './process-table.js';

/** A running `sshd -D`: its listener and, as its descendants, every session it serves. */
export interface SshdProcess {
  readonly pid: number;
  /** SIGKILLs the listener and every session process under it (as a crashed host would lose them); resolves once all are gone. */
  kill(): Promise<void>;
}

const SSHD = '/usr/sbin/sshd';
const START_TIMEOUT_MS = 10_000;
const EXIT_TIMEOUT_MS = 5000;

/** Starts `/usr/sbin/sshd -D -e -f config` and resolves once it says it listens. */
export async function startSshd(configPath: string): Promise<SshdProcess> {
  const child = spawn(SSHD, ['-D', '-e', '-f', configPath], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const fail = (why: string): void => {
      child.kill('SIGKILL');
      reject(new SimFleetError('SPAWN_FAILED', `Expected ${SSHD} -f ${configPath} to listen within ${String(START_TIMEOUT_MS)} ms, got ${why}: ${log.trim()}`));
    };
    const timer = setTimeout(() => fail('no "Server listening" line'), START_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      fail(`a spawn error (${error.message}; is openssh-server installed? scripts/ensure-tools.sh tests)`);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(`an exit with code ${String(code)}`);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      log = (log + chunk).slice(-4000);
      if (/Server listening/.test(log)) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve();
      }
    });
  });
  child.stderr.removeAllListeners('data');
  child.stderr.resume();
  const pid = child.pid ?? 0;
  return { pid, kill: () => killTree(child, pid) };
}

async function killTree(child: ChildProcess, pid: number): Promise<void> {
  const victims = [pid, ...descendantsOf(pid).map((entry) => entry.pid)];
  for (const victim of victims) {
    try {
      process.kill(victim, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  const deadline = Date.now() + EXIT_TIMEOUT_MS;
  while (victims.some(isProcessRunning) && Date.now() < deadline) await sleep(10);
  child.stderr?.destroy();
}
