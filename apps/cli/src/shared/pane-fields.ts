import { randomBytes } from 'node:crypto';
import type { Config } from '@tmux-orc/config';
import { configuredServers, formatAgentId } from '@tmux-orc/monitor';
import { TmuxPoolError, createTmuxConnectionPool, type TmuxConnectionPool, type TmuxRunner, type TmuxServer } from '@tmux-orc/tmux-pool';

/**
 * One tmux format (`#{pane_current_path}`) of every pane `runner` reaches, by pane id, with one
 * `list-panes -a`. A pane that closed before tmux listed it is simply absent, and a record that
 * does not parse (no `%N` id) is skipped. Resolves an empty map when the server has no session;
 * rejects with the runner's error (`TmuxServerGoneError`, `TmuxTimeoutError`, …) when the server
 * cannot be reached in time.
 */
export async function readPaneField(runner: TmuxRunner, format: string): Promise<ReadonlyMap<string, string>> {
  // A path or title may hold tabs and newlines: fields and records end with a nonce made for this call.
  const nonce = randomBytes(4).toString('hex');
  const separator = `\u001f${nonce}\u001f`;
  const end = `\u001e${nonce}\u001e`;
  let lines: string[];
  try {
    lines = await runner.run(['list-panes', '-a', '-F', `#{pane_id}${separator}${format}${end}`]);
  } catch (error) {
    if (TmuxPoolError.isInstance(error) && error.code === 'TMUX_NO_SESSIONS') return new Map();
    throw error;
  }
  const fields = new Map<string, string>();
  for (const record of lines.join('\n').split(end)) {
    const at = record.indexOf(separator);
    const id = record.slice(0, at).replace(/^\n/, '');
    if (at < 0 || !/^%\d+$/.test(id)) continue;
    fields.set(id, record.slice(at + separator.length));
  }
  return fields;
}

/** A tmux server {@link readServersPaneField} could not read, and why. */
export interface UnreachableServer {
  readonly server: string;
  readonly error: string;
}

/** What {@link readServersPaneField} read: values by agent id, and the servers that did not answer. */
export interface ServersPaneField {
  /** Keyed by the monitor's agent ids (`formatAgentId`): the pane id, prefixed with the server when several are watched. */
  readonly values: ReadonlyMap<string, string>;
  readonly unreachable: readonly UnreachableServer[];
}

/** Options of {@link readServersPaneField}. */
export interface ReadServersPaneFieldOptions {
  /** Longest wait for each server's answer, in ms. Default 5000 (tmux-pool's command timeout). */
  readonly timeoutMs?: number;
  /** Opens the runner of one server for one read; it is closed after. Default: a one-connection tmux-pool pool. */
  readonly openRunner?: (server: TmuxServer, timeoutMs: number) => Pick<TmuxConnectionPool, 'run' | 'close'>;
}

/**
 * A pool, not an `ExecConnection`: the pool probes the server first and gives up on a stopped one
 * at its timeout, while a `tmux` process spawned against a stopped server hands its stdout to that
 * server, so waiting for its output lasts until the server resumes, even after the process is killed.
 */
const openPool: NonNullable<ReadServersPaneFieldOptions['openRunner']> = (server, timeoutMs) =>
  createTmuxConnectionPool({ server, minSize: 1, maxSize: 1, commandTimeoutMs: timeoutMs, acquireTimeoutMs: timeoutMs });

async function readServer(server: TmuxServer, format: string, options: ReadServersPaneFieldOptions): Promise<ReadonlyMap<string, string>> {
  const runner = (options.openRunner ?? openPool)(server, options.timeoutMs ?? 5000);
  try {
    return await readPaneField(runner, format);
  } finally {
    await runner.close();
  }
}

/**
 * Reads `format` of every pane of every configured server, the servers in parallel. A server
 * that is stopped, hung or gone is reported in `unreachable` instead of failing the whole read.
 */
export async function readServersPaneField(config: Config, format: string, options: ReadServersPaneFieldOptions = {}): Promise<ServersPaneField> {
  const values = new Map<string, string>();
  const unreachable: UnreachableServer[] = [];
  const servers = configuredServers(config);
  const reads = await Promise.allSettled(servers.map(({ server }) => readServer(server, format, options)));
  reads.forEach((read, i) => {
    const entry = servers[i];
    if (entry === undefined) return;
    if (read.status === 'rejected') {
      unreachable.push({ server: entry.label, error: read.reason instanceof Error ? read.reason.message : String(read.reason) });
      return;
    }
    for (const [pane, value] of read.value) values.set(formatAgentId(config, entry.server, pane), value);
  });
  return { values, unreachable };
}

/**
 * {@link readServersPaneField} of one format, where calls made while a read is in flight share
 * it: a burst of hooks costs one `list-panes` per server, not one each.
 */
export function createPaneFieldReader(config: Config, format: string, options: ReadServersPaneFieldOptions = {}): () => Promise<ServersPaneField> {
  let inFlight: Promise<ServersPaneField> | null = null;
  return () => {
    inFlight ??= readServersPaneField(config, format, options).finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
}
