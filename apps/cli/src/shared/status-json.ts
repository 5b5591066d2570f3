import type { AgentStatus, MonitorStatus } from '@tmux-orc/monitor';
import type { CycleStats } from './cycle-stats.js';
import type { HookSighting } from './hook-sighting.js';

/** One agent as `tmux-orc status --json` prints it (a stable shape other tools read). */
export interface AgentJson {
  readonly id: string;
  /** The SSH host the agent runs on (`me@box`); null on this machine. */
  readonly host: string | null;
  readonly target: string;
  readonly session: string;
  readonly window: string;
  readonly name: string;
  readonly role: string;
  readonly detector: string;
  /** The rule that decided (`claude-code/choice-dialog`); see the health-checker README. */
  readonly rule?: string;
  readonly state: string;
  readonly since: string;
  readonly detail: Readonly<Record<string, unknown>>;
  /** The deciding screen lines joined with `\n`. */
  readonly evidence: string;
  /** The last Claude Code hook event received for this pane, when the daemon got one. */
  readonly hook?: HookSighting;
  /** The version of the agent CLI running in the pane, when `status` could read it on this machine. */
  readonly cli_version?: CliVersionJson;
}

/** The agent CLI's version, how it was read, and how it stands against the versions real screens prove. */
export interface CliVersionJson {
  readonly version: string;
  /** `package.json` (the npm package holding the running executable or script), `install path`, or `--version`. */
  readonly source: 'package.json' | 'install path' | '--version';
  /** `newer`: newer than every version proven live — detection on it is unproven. */
  readonly standing: 'proven' | 'newer' | 'unproven' | 'untested';
}

/** `tmux-orc status --json`. `--detailed` (and the daemon's `GET /status`) add `detailed`. */
export interface StatusJson {
  readonly agents: readonly AgentJson[];
  readonly summary: Readonly<Record<string, number>>;
  readonly cycle: { readonly ms: number | null; readonly strategy: string | null; readonly transport: 'control' | 'exec' | null };
  /** Where the answer came from: the daemon, a demo, or one cycle run by this command. */
  readonly source: 'daemon' | 'demo' | 'one-shot';
  /** PM reports not typed because the PM pane was not safe to type into (a shell runs there), by session. */
  readonly held_reports: MonitorStatus['held_reports'];
  /** The user's transition hooks: running now, waiting for a slot, never run. */
  readonly hooks: MonitorStatus['hooks'];
  readonly detailed?: DetailedJson;
  /** The `servers` configuration of the monitor that answered (the daemon's `GET /status`). */
  readonly watching?: readonly unknown[];
}

/** Pool, cache per layer and cycle metrics. */
export interface DetailedJson {
  readonly connection_pool: MonitorStatus['connection_pool'];
  readonly cache_performance: MonitorStatus['cache_performance'];
  readonly cycles: CycleStats;
  readonly base_status: MonitorStatus['base_status'];
  readonly servers: MonitorStatus['servers'];
  readonly fallback: string | null;
  readonly skipped_cycles: number;
  readonly last_cycle_at: string | null;
  /** Cycles failed in a row and the last error (a strategy that throws, a server that is gone). */
  readonly cycle_failures: MonitorStatus['cycle_failures'];
  /** Pid and start time of the process that ran the monitor. */
  readonly process: { readonly pid: number; readonly started_at: string };
}

function agentJson(agent: AgentStatus, hook: HookSighting | undefined): AgentJson {
  return {
    id: agent.id,
    host: agent.host,
    target: agent.target,
    session: agent.session,
    window: agent.window,
    name: agent.name,
    role: agent.role,
    detector: agent.detector,
    ...(agent.rule === undefined ? {} : { rule: agent.rule }),
    state: agent.state,
    since: agent.since,
    detail: { ...agent.detail },
    evidence: agent.evidence.join('\n'),
    ...(hook === undefined ? {} : { hook }),
  };
}

/** Counts agents by state. */
function summarize(agents: readonly { readonly state: string }[]): Record<string, number> {
  const summary: Record<string, number> = {};
  for (const agent of agents) summary[agent.state] = (summary[agent.state] ?? 0) + 1;
  return summary;
}

/** Everything needed to build the status JSON besides the monitor's snapshot. */
export interface StatusJsonInput {
  readonly status: MonitorStatus;
  readonly cycles: CycleStats;
  readonly source: StatusJson['source'];
  readonly startedAt: string;
  readonly hooks?: ReadonlyMap<string, HookSighting>;
}

/** Builds the status JSON, always with `detailed` (clients drop it when not asked for). */
export function toStatusJson(input: StatusJsonInput): StatusJson & { readonly detailed: DetailedJson } {
  const { status, cycles } = input;
  const agents = status.agents.map((agent) => agentJson(agent, input.hooks?.get(agent.id)));
  return {
    agents,
    summary: summarize(agents),
    cycle: {
      ms: status.base_status.last_cycle_time,
      strategy: status.current_strategy,
      transport: status.connection_pool?.transport ?? status.servers[0]?.transport ?? null,
    },
    source: input.source,
    held_reports: status.held_reports,
    hooks: status.hooks,
    detailed: {
      connection_pool: status.connection_pool,
      cache_performance: status.cache_performance,
      cycles,
      base_status: status.base_status,
      servers: status.servers,
      fallback: status.fallback,
      skipped_cycles: status.skipped_cycles,
      last_cycle_at: status.last_cycle_at,
      cycle_failures: status.cycle_failures,
      process: { pid: process.pid, started_at: input.startedAt },
    },
  };
}
