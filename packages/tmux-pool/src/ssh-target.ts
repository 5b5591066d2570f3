/**
 * A host reached over OpenSSH. Every tmux client of a remote server runs there as
 * `ssh -T -o BatchMode=yes … -- host 'tmux' …`: no password prompt ever (keys or an agent only), host
 * keys checked as the user's `known_hosts` says, and one shared master connection per host and
 * process (`ControlMaster=auto`), so control clients, probes and exec commands do not each open a
 * TCP connection and an SSH handshake.
 */
export interface SshTarget {
  /** `box`, `user@box`, or a `Host` alias from `~/.ssh/config`. Must not start with `-`. */
  readonly host: string;
  /** TCP port (ssh's default, usually 22). */
  readonly port?: number;
  /** A private key (`-i`); ssh's own defaults and the agent otherwise. */
  readonly identityFile?: string;
  /**
   * Further `-o Key=value` options (`UserKnownHostsFile`, `ProxyJump`…). They come after
   * `BatchMode=yes` and before this package's defaults, so they override the defaults (ssh keeps the
   * first value it reads for each key) but never turn prompts back on.
   */
  readonly options?: Readonly<Record<string, string>>;
  /** The ssh binary (`ssh`). */
  readonly sshPath?: string;
  /** Directory of the master connections' sockets (a private directory under the OS temp dir). */
  readonly controlDir?: string;
}
