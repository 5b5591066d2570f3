import { isLoopbackHost } from './host-check.js';

/** Flags of `tmux-orc dashboard`. */
export interface DashboardFlags {
  readonly port?: string;
  readonly listen?: string;
  readonly expose?: boolean;
  readonly open?: boolean;
  readonly json?: boolean;
}

/** The checked flags. */
export interface DashboardSettings {
  readonly port: number;
  readonly host: string;
  /** True when the host reaches beyond this machine (allowed only with `--expose`). */
  readonly exposed: boolean;
}

/** Checks the flags; a string is the problem, naming the flag, the expected and the given value. */
export function readDashboardFlags(flags: DashboardFlags): DashboardSettings | string {
  const port = Number(flags.port ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65_535) return `--port: expected an integer from 0 (any free port) to 65535, got \`${flags.port ?? ''}\``;
  const host = flags.listen ?? '127.0.0.1';
  if (host.trim() === '') return '--listen: expected an address or name, got an empty string';
  const exposed = !isLoopbackHost(host);
  if (exposed && flags.expose !== true) {
    return `--listen ${host} would serve the dashboard beyond this machine: add --expose to mean it (expected a loopback host such as 127.0.0.1 without --expose, got \`${host}\`)`;
  }
  return { port, host, exposed };
}

/** What an exposed dashboard shows, said before it starts serving. */
export function exposureNotice(host: string, port: number): string {
  return [
    `tmux-orc dashboard: EXPOSED on ${host}:${port} — every machine that can reach it and has the token sees`,
    '  every monitored agent: session and window names, states, times, detectors and the screen lines (evidence).',
    '  Read-only: nothing can be typed into a pane or changed through it. Plain HTTP: the token and those screens',
    '  cross the network unencrypted; put it behind TLS (a reverse proxy or an SSH tunnel) beyond a trusted network.',
  ].join('\n');
}
