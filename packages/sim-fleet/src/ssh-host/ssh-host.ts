import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { registerLiveSandbox } from '../live-sandboxes.js';
import { type TmuxSandbox, type TmuxSandboxOptions, createTmuxSandbox } from '../tmux-sandbox.js';
import { type DelayProxy, startDelayProxy } from './delay-proxy.js';
import { freePort } from './free-port.js';
import { type ProcessEntry, listProcesses } from './process-table.js';
import { createSshHostKeys, writeKnownHosts } from './ssh-keys.js';
import { sshdConfigText } from './sshd-config.js';
import { type SshdProcess, startSshd } from './sshd-process.js';

/** How to reach a test host with OpenSSH, in the shape `@tmux-orc/tmux-pool`'s `SshTarget` takes. */
export interface SshHostTarget {
  readonly host: string;
  readonly port: number;
  readonly identityFile: string;
  readonly options: Readonly<Record<string, string>>;
  readonly controlDir: string;
}

/** A throwaway "host": a real sshd on a loopback address, in front of its own tmux sandbox. */
export interface SshHost extends AsyncDisposable {
  /** `127.0.0.2`, `127.0.0.3`…: the address sshd (and the proxy, if any) listens on. */
  readonly address: string;
  /** sshd's own port. */
  readonly sshdPort: number;
  /** The host's tmux server (reached locally too, for setting up panes). */
  readonly sandbox: TmuxSandbox;
  /** How a client reaches it: through the delaying proxy when `delayMs` > 0. */
  readonly ssh: SshHostTarget;
  /** The sandbox's server as seen from the client: `{ socketName, ssh }`. */
  readonly server: { readonly socketName: string; readonly ssh: SshHostTarget };
  /** The key files, for configs that name them. */
  readonly knownHostsFile: string;
  /** False between {@link killSshd} and {@link restartSshd}. */
  readonly sshdRunning: boolean;
  /** SIGKILLs sshd and every session it serves (the TCP connections die with them). */
  killSshd(): Promise<void>;
  /** Starts sshd again on the same address, port and host key. */
  restartSshd(): Promise<void>;
  /** Processes of this machine whose command line contains `text` (say, a control directory or this host's address). */
  processesMentioning(text: string): ProcessEntry[];
  /** Stops sshd, the proxy and the sandbox, and removes the keys. Idempotent. */
  stop(): Promise<void>;
}

/** Options of {@link createSshHost}. */
export interface SshHostOptions {
  /** Loopback address to listen on; default the next of 127.0.0.2, 127.0.0.3, … in this process. */
  readonly address?: string;
  /** One-way latency added by a delaying proxy in front of sshd (0: none). */
  readonly delayMs?: number;
  /** Options of the host's tmux sandbox. */
  readonly sandbox?: TmuxSandboxOptions;
}

let nextAddress = 2;

/**
 * Starts a test host: temporary host and client keys, a known_hosts file (host key checking stays
 * on), `/usr/sbin/sshd -D` on a high port of a loopback address, a tmux sandbox as its server, and
 * optionally a delaying proxy. Everything is stopped by `stop()`, `await using`, or on process exit.
 */
export async function createSshHost(options: SshHostOptions = {}): Promise<SshHost> {
  const address = options.address ?? `127.0.0.${String(nextAddress++ % 250 || 2)}`;
  const dir = mkdtempSync(join(tmpdir(), 'tmux-orc-test-ssh-'));
  const keys = await createSshHostKeys(dir);
  const sandbox = await createTmuxSandbox(options.sandbox);
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const sshdPort = await freePort(address);
  const configPath = join(dir, 'sshd_config');
  writeFileSync(configPath, sshdConfigText({ address, port: sshdPort, keys, pidFile: join(dir, 'sshd.pid'), tmuxTmpdir: dirname(dirname(sandbox.socketPath)) }));
  let sshd: SshdProcess | undefined = await startSshd(configPath);
  const delayMs = options.delayMs ?? 0;
  const proxy: DelayProxy | undefined = delayMs > 0 ? await startDelayProxy({ address, target: { address, port: sshdPort }, delayMs }) : undefined;
  const port = proxy?.port ?? sshdPort;
  writeKnownHosts(keys, address, [sshdPort, port]);
  const ssh: SshHostTarget = {
    host: `root@${address}`,
    port,
    identityFile: keys.clientKey,
    options: { UserKnownHostsFile: keys.knownHosts, GlobalKnownHostsFile: '/dev/null', StrictHostKeyChecking: 'yes', LogLevel: 'ERROR' },
    controlDir: join(dir, 'cm'),
  };
  const unregister = registerLiveSandbox({ socketName: `sshd ${address}:${String(sshdPort)}`, killNow: () => sshd !== undefined && process.kill(sshd.pid, 'SIGKILL') });

  let stopping: Promise<void> | undefined;
  async function stop(): Promise<void> {
    await sshd?.kill();
    sshd = undefined;
    await proxy?.close();
    await sandbox.kill();
    unregister();
    rmSync(dir, { recursive: true, force: true });
  }

  return {
    address,
    sshdPort,
    sandbox,
    ssh,
    server: { socketName: sandbox.socketName, ssh },
    knownHostsFile: keys.knownHosts,
    get sshdRunning() {
      return sshd !== undefined;
    },
    async killSshd() {
      await sshd?.kill();
      sshd = undefined;
    },
    async restartSshd() {
      sshd ??= await startSshd(configPath);
    },
    processesMentioning: (text) => listProcesses().filter((entry) => entry.pid !== process.pid && entry.argv.join(' ').includes(text)),
    stop: () => (stopping ??= stop()),
    [Symbol.asyncDispose]: () => (stopping ??= stop()),
  };
}
