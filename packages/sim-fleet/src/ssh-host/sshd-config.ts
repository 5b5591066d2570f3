import type { SshHostKeys } from './ssh-keys.js';

/** Where one test sshd listens and what it trusts. */
export interface SshdConfigInput {
  readonly address: string;
  readonly port: number;
  readonly keys: SshHostKeys;
  readonly pidFile: string;
  /** `TMUX_TMPDIR` of the sessions, so a remote `tmux -L name` finds the sandbox's socket. */
  readonly tmuxTmpdir: string;
}

/**
 * An sshd_config for a throwaway host: public keys only (no password, no PAM), one authorized
 * key, its own host key, nothing forwarded; root may log in with the key (tests run as root here).
 */
export function sshdConfigText(input: SshdConfigInput): string {
  return [
    `ListenAddress ${input.address}:${String(input.port)}`,
    `HostKey ${input.keys.hostKey}`,
    `AuthorizedKeysFile ${input.keys.authorizedKeys}`,
    `PidFile ${input.pidFile}`,
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'PubkeyAuthentication yes',
    'PermitRootLogin prohibit-password',
    'UsePAM no',
    // The key files live in a temp dir whose modes sshd's ownership checks would reject.
    'StrictModes no',
    'AllowTcpForwarding no',
    'X11Forwarding no',
    'PrintMotd no',
    // Every multiplexed session (probe, control client, exec command) is one session of one connection.
    'MaxSessions 200',
    'MaxStartups 100',
    // SHLVL=1: Debian's bash sources ~/.bashrc for a command sent over ssh only at the first shell
    // level; this machine's root .bashrc can block there (a pyenv rehash lock), which is the
    // test user's shell and not what a test of ours looks at.
    `SetEnv TMUX_TMPDIR=${input.tmuxTmpdir} SHLVL=1`,
    'LogLevel INFO',
    '',
  ].join('\n');
}
