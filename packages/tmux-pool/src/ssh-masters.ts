import { execFile } from 'node:child_process';
import { sshExitMasterArgs } from './ssh-command.js';
import type { SshTarget } from './ssh-target.js';

const holders = new Map<string, number>();

// `ssh -O exit` only talks to the local master over its socket; it never waits on the network.
const EXIT_MASTER_TIMEOUT_MS = 5000;

function masterKey(ssh: SshTarget): string {
  return JSON.stringify([ssh.host, ssh.port ?? null, ssh.controlDir ?? null, ssh.options ?? null]);
}

/** Runs `ssh -O exit` for `ssh`'s master; resolves when it is done, whatever it said (no master is fine). */
export function endSshMaster(ssh: SshTarget): Promise<void> {
  return new Promise((resolve) => {
    execFile(ssh.sshPath ?? 'ssh', sshExitMasterArgs(ssh), { timeout: EXIT_MASTER_TIMEOUT_MS, killSignal: 'SIGKILL' }, () => resolve());
  });
}

/**
 * Counts a user (a pool) of this process's master connection to `ssh`; the returned function
 * releases it, and the last release ends the master, so a closed monitor leaves no ssh process
 * behind (one that crashes leaves the master for `ControlPersist` seconds: it then ends by itself).
 */
export function holdSshMaster(ssh: SshTarget): () => Promise<void> {
  const key = masterKey(ssh);
  holders.set(key, (holders.get(key) ?? 0) + 1);
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    const left = (holders.get(key) ?? 1) - 1;
    if (left > 0) return void holders.set(key, left);
    holders.delete(key);
    await endSshMaster(ssh);
  };
}
