import * as z from 'zod';

const nonEmpty = z.string().min(1);

/** `box`, `user@box` or an `~/.ssh/config` alias: no spaces, and never read by ssh as an option. */
const hostName = z.string().regex(/^[^\s-]\S*$/, 'a host such as `box` or `user@box` (no spaces, not starting with `-`)');

/** One `-o Key=value` of ssh: a key of letters and digits, a value on one line. */
const sshOptionValue = z.string().regex(/^[^\n\r]+$/, 'a non-empty value on one line');

/** How to reach a server's host with OpenSSH (see `@tmux-orc/tmux-pool`'s `SshTarget`). */
export const sshSchema = z.strictObject({
  /** A private key for `ssh -i`; ssh's defaults and the agent otherwise. */
  identity_file: nonEmpty.optional(),
  /** Further `-o Key=value` options (`UserKnownHostsFile`, `ProxyJump`…); `BatchMode=yes` always stays on. */
  options: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'an ssh option name such as `ProxyJump`'), sshOptionValue).optional(),
});

/** Keys every server entry may add to reach a tmux server on another host. */
const remoteKeys = {
  /** The host whose tmux server this is, reached over SSH; absent: this machine. */
  host: hostName.optional(),
  /** SSH port of `host` (ssh's default when absent). */
  port: z.int().min(1).max(65535).optional(),
  ssh: sshSchema.optional(),
};

/** Names of the keys that make a server entry remote. */
export const remoteServerKeys = Object.keys(remoteKeys);

/**
 * One tmux server to watch: a `-L` socket name, a `-S` socket path, or the default server — on this
 * machine, or with `host` on another one (`port` and `ssh` only next to `host`).
 */
export const serverSchema = z
  .union([
    z.strictObject({ socket_name: nonEmpty, ...remoteKeys }),
    z.strictObject({ socket_path: nonEmpty, ...remoteKeys }),
    z.strictObject({ default: z.literal(true), ...remoteKeys }),
  ])
  .superRefine((server, context) => {
    if (server.host !== undefined) return;
    for (const key of ['port', 'ssh'] as const) {
      if (server[key] !== undefined) context.addIssue({ code: 'custom', path: [key], message: `\`${key}\` only next to a \`host\` (a server on another machine)`, input: server[key] });
    }
  });
