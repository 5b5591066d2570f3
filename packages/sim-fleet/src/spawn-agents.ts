import { SimFleetError } from './sim-fleet-error.js';
import { commandArguments, cwdArguments, environmentArguments, tmuxArgument } from './tmux-argument.js';

/** Options of {@link TmuxSandbox.spawnAgents}. */
export interface SpawnAgentsOptions {
  /**
   * Session to create the windows in (default `agents`). With `windowsPerSession`, the agents are
   * spread over sessions named `<session>-0`, `<session>-1`, …
   */
  session?: string;
  /** At most this many windows per session; without it every agent goes into one session. */
  windowsPerSession?: number;
  /** The shell command that runs agent `index` (0-based), e.g. `simAgentCommand(…)`. */
  command(index: number): string;
  /** Window name of agent `index`; default `agent-<index>`. */
  windowName?(index: number): string;
  /** Environment given to every agent's pane. */
  env?: Record<string, string>;
  /** Working directory of every agent's pane. */
  cwd?: string;
  /** Keep each agent's pane (dead) after its command exits, so `pane_dead_status` can be read. Default false. */
  remainOnExit?: boolean;
  /** At most this many windows per tmux invocation (default 200; batches are also cut to fit tmux's 16 KiB command limit). */
  batchSize?: number;
}

/** One spawned agent. */
export interface SpawnedAgent {
  /** tmux pane id, e.g. `%42`. */
  readonly paneId: string;
  /** `session:window_index`, e.g. `agents:3`. */
  readonly target: string;
  /** The agent's 0-based index, as given to `command(index)`. */
  readonly index: number;
}

/** What the spawner needs from a sandbox. */
export interface SpawnAgentsContext {
  tmux(...args: string[]): Promise<string>;
  readonly width: number;
  readonly height: number;
}

const DEFAULT_BATCH_SIZE = 200;
/**
 * tmux sends a client's whole command line to the server in one message of at most 16 KiB
 * (MAX_IMSGSIZE) and answers "command too long" beyond; stay well below.
 */
const MAX_COMMAND_BYTES = 12 * 1024;

function byteLength(args: readonly string[]): number {
  return args.reduce((sum, arg) => sum + Buffer.byteLength(arg) + 1, 0);
}

function requirePositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new SimFleetError('INVALID_OPTION', `Expected \`${name}\` to be a positive integer, got \`${String(value)}\``);
  }
}

function sessionOf(index: number, options: SpawnAgentsOptions): string {
  const base = options.session ?? 'agents';
  if (options.windowsPerSession === undefined) return base;
  return `${base}-${String(Math.floor(index / options.windowsPerSession))}`;
}

/** The tmux commands (argv pieces, without separators) that create agent `index`. */
function agentCommands(index: number, session: string, isNewSession: boolean, context: SpawnAgentsContext, options: SpawnAgentsOptions): string[][] {
  const name = tmuxArgument(options.windowName?.(index) ?? `agent-${String(index)}`);
  const common = [
    '-n', name,
    ...environmentArguments(options.env),
    ...cwdArguments(options.cwd),
    '-P', '-F', '#{pane_id}',
    ...commandArguments(options.command(index)),
  ];
  const remain = options.remainOnExit === true;
  const create = isNewSession
    ? ['new-session', '-d', '-s', tmuxArgument(session), '-x', String(context.width), '-y', String(context.height), ...common]
    : // Without -d the new window becomes the current one, which is what the following
      // `set-option -w` (no target) applies to, atomically, before the command can exit.
      ['new-window', ...(remain ? [] : ['-d']), '-t', tmuxArgument(`=${session}:`), ...common];
  return remain ? [create, ['set-option', '-w', 'remain-on-exit', 'on']] : [create];
}

function joinCommands(commands: readonly (readonly string[])[]): string[] {
  return commands.flatMap((command, i) => (i === 0 ? [...command] : [';', ...command]));
}

/**
 * Creates `count` windows, each running `options.command(index)`, chaining many tmux commands
 * per tmux invocation (tmux's `a \; b` form, up to `batchSize` windows and 12 KiB), then reads every pane's target with
 * one `list-panes -a`. Resolves the agents in index order.
 */
export async function spawnAgents(context: SpawnAgentsContext, count: number, options: SpawnAgentsOptions): Promise<SpawnedAgent[]> {
  if (!Number.isInteger(count) || count < 0) {
    throw new SimFleetError('INVALID_OPTION', `Expected \`count\` to be a non-negative integer, got \`${String(count)}\``);
  }
  if (options.windowsPerSession !== undefined) requirePositiveInteger('windowsPerSession', options.windowsPerSession);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  requirePositiveInteger('batchSize', batchSize);
  if (count === 0) return [];

  const existing = new Set((await context.tmux('list-sessions', '-F', '#{session_name}')).split('\n'));
  const paneIds: string[] = [];
  let batch: string[][] = [];
  let batchAgents = 0;
  let batchBytes = 0;
  const flush = async (): Promise<void> => {
    if (batchAgents === 0) return;
    const first = paneIds.length;
    const created = (await context.tmux(...joinCommands(batch))).split('\n').filter((line) => line.startsWith('%'));
    if (created.length !== batchAgents) {
      throw new SimFleetError(
        'SPAWN_FAILED',
        `Expected tmux to create ${String(batchAgents)} panes for agents ${String(first)}..${String(first + batchAgents - 1)}, got ${String(created.length)}`,
      );
    }
    paneIds.push(...created);
    batch = [];
    batchAgents = 0;
    batchBytes = 0;
  };
  for (let index = 0; index < count; index++) {
    const session = sessionOf(index, options);
    const isNewSession = !existing.has(session);
    const commands = agentCommands(index, session, isNewSession, context, options);
    const bytes = byteLength(joinCommands(commands));
    if (bytes > MAX_COMMAND_BYTES) {
      throw new SimFleetError('INVALID_OPTION', `Expected the tmux command line of agent ${String(index)} to fit in ${String(MAX_COMMAND_BYTES)} bytes, got ${String(bytes)}`);
    }
    if (batchAgents >= batchSize || batchBytes + bytes + 2 > MAX_COMMAND_BYTES) await flush();
    batch.push(...commands);
    batchAgents++;
    batchBytes += bytes + 2; // + the `;` separator
    existing.add(session);
  }
  await flush();

  const targets = new Map<string, string>();
  for (const line of (await context.tmux('list-panes', '-a', '-F', '#{pane_id}\t#{session_name}:#{window_index}')).split('\n')) {
    const [paneId, target] = line.split('\t');
    if (paneId !== undefined && target !== undefined) targets.set(paneId, target);
  }
  return paneIds.map((paneId, index) => {
    const target = targets.get(paneId);
    if (target === undefined) {
      // The pane was created but is gone already: its command exited and remain-on-exit is off.
      throw new SimFleetError(
        'SPAWN_FAILED',
        `Expected agent ${String(index)} (pane ${paneId}) to be alive after spawning, got no such pane; did its command \`${options.command(index)}\` exit?`,
      );
    }
    return { paneId, target, index };
  });
}
