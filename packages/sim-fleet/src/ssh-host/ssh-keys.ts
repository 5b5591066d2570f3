import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';

/** The key files of one test host, all inside its temporary directory. */
export interface SshHostKeys {
  /** The host's private key (sshd `HostKey`). */
  readonly hostKey: string;
  /** The client's private key (`ssh -i`), whose public half is the host's only authorized key. */
  readonly clientKey: string;
  /** sshd's `AuthorizedKeysFile`. */
  readonly authorizedKeys: string;
  /** The client's `UserKnownHostsFile`: only this host's key, for the ports given to {@link writeKnownHosts}. */
  readonly knownHosts: string;
}

async function keygen(path: string): Promise<void> {
  await execa('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'tmux-orc-test', '-f', path], { stdin: 'ignore' });
}

/** Makes a fresh host key and client key in `dir` and authorizes the client key. */
export async function createSshHostKeys(dir: string): Promise<SshHostKeys> {
  const keys = { hostKey: join(dir, 'host_ed25519'), clientKey: join(dir, 'client_ed25519'), authorizedKeys: join(dir, 'authorized_keys'), knownHosts: join(dir, 'known_hosts') };
  await Promise.all([keygen(keys.hostKey), keygen(keys.clientKey)]);
  writeFileSync(keys.authorizedKeys, readFileSync(`${keys.clientKey}.pub`), { mode: 0o600 });
  return keys;
}

/** Writes the known_hosts file: the host key under `[address]:port` for every port the host is reached on. */
export function writeKnownHosts(keys: SshHostKeys, address: string, ports: readonly number[]): void {
  const [type = '', key = ''] = readFileSync(`${keys.hostKey}.pub`, 'utf8').trim().split(' ');
  const names = ports.map((port) => `[${address}]:${String(port)}`).join(',');
  writeFileSync(keys.knownHosts, `${names} ${type} ${key}\n`, { mode: 0o600 });
}
