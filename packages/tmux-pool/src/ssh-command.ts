import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SshTarget } from './ssh-target.js';

/** Seconds an idle master connection outlives its last user (a crashed daemon's master ends by itself). */
export const CONTROL_PERSIST_SECONDS = 10;

// Defaults come after the user's options: ssh keeps the first value it reads for each option.
const DEFAULT_OPTIONS: Readonly<Record<string, string>> = {
  ConnectTimeout: '5',
  // A host that vanishes without closing the TCP connection is noticed within ~10 s.
  ServerAliveInterval: '5',
  ServerAliveCountMax: '2',
  ControlMaster: 'auto',
  ControlPersist: String(CONTROL_PERSIST_SECONDS),
};

/** Quotes `value` as one POSIX sh word for the remote shell that runs an ssh command line. */
export function remoteShellQuote(value: string): string {
  return /^[\w@%+:,./=-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}

/**
 * This process's directory of master sockets. Per process, so closing our masters never cuts
 * another program's sessions; short, because a socket path is limited to ~100 bytes.
 */
export function controlDirectory(ssh: SshTarget): string {
  const dir = ssh.controlDir ?? join(tmpdir(), `tmux-orc-ssh-${String(process.getuid?.() ?? 'u')}`, String(process.pid));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** ssh's options for `ssh`, without the host and command: BatchMode first, the user's, then ours. */
export function sshOptionArgs(ssh: SshTarget): string[] {
  const args = ['-T', '-o', 'BatchMode=yes'];
  if (ssh.port !== undefined) args.push('-p', String(ssh.port));
  if (ssh.identityFile !== undefined) args.push('-i', ssh.identityFile, '-o', 'IdentitiesOnly=yes');
  const given = new Set<string>();
  for (const [key, value] of Object.entries(ssh.options ?? {})) {
    given.add(key.toLowerCase());
    args.push('-o', `${key}=${value}`);
  }
  for (const [key, value] of Object.entries(DEFAULT_OPTIONS)) if (!given.has(key.toLowerCase())) args.push('-o', `${key}=${value}`);
  args.push('-o', `ControlPath=${join(controlDirectory(ssh), '%C')}`);
  return args;
}

/** The argv (after `ssh`) that runs `remoteArgv` on the host: every word quoted for its shell. */
export function sshCommandArgs(ssh: SshTarget, remoteArgv: readonly string[]): string[] {
  return [...sshOptionArgs(ssh), '--', ssh.host, remoteArgv.map(remoteShellQuote).join(' ')];
}

/** The argv (after `ssh`) that asks this process's master connection to `ssh` to end (`-O exit`). */
export function sshExitMasterArgs(ssh: SshTarget): string[] {
  return [...sshOptionArgs(ssh), '-O', 'exit', '--', ssh.host];
}
