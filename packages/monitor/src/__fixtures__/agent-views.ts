import { createDefaultConfig, type Config } from '@tmux-orc/config';
import type { AgentState, HealthDetail } from '@tmux-orc/health-checker';
import type { MonitoredPane, PaneRole } from '@tmux-orc/strategies';
import type { Logger, TmuxRunner } from '@tmux-orc/tmux-pool';
import type { ActionContext, AgentView } from '../actions/agent-view.js';
import { emptyActionState } from '../state-file.js';

/** What a pane runs by default: an agent CLI, so reports may be typed into it. */
const agentForeground = (args: readonly string[]): string[] => (args.includes('#{pane_current_command}') ? ['claude'] : []);

/** A runner that records commands and answers from `answer` (by default: every pane runs `claude`). */
export function recordingRunner(answer: (args: readonly string[]) => string[] = agentForeground): TmuxRunner & { commands: string[][] } {
  const commands: string[][] = [];
  return {
    commands,
    async run(args) {
      commands.push([...args]);
      return answer(args);
    },
  };
}

/** A logger that keeps every line. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(`${level} ${message}${fields === undefined ? '' : ` ${JSON.stringify(fields)}`}`);
  };
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

export interface ViewSpec {
  readonly id: string;
  readonly name: string;
  readonly session?: string;
  readonly window?: number;
  readonly role?: PaneRole;
  readonly state: AgentState;
  readonly since?: number;
  readonly detail?: HealthDetail;
  readonly detector?: string;
  readonly from?: AgentState | null;
  readonly dead?: boolean;
  /** The persisted counters' key; default the id. */
  readonly stateKey?: string;
}

/** An {@link AgentView} built by hand. `from` set means the state changed this cycle. */
export function view(spec: ViewSpec, runner: TmuxRunner): AgentView {
  const session = spec.session ?? 's';
  const windowIndex = spec.window ?? 1;
  const pane: MonitoredPane = {
    id: spec.id,
    target: `${session}:${windowIndex}.0`,
    session,
    windowIndex,
    windowName: spec.role === 'pm' ? 'pm' : `Claude-${spec.name}`,
    paneIndex: 0,
    dead: spec.dead ?? false,
    deadStatus: null,
    pid: 1,
    currentCommand: 'claude',
    title: '',
    windowActivity: 0,
    agentOption: null,
    role: spec.role ?? 'agent',
    name: spec.name,
  };
  const result = { state: spec.state, since: spec.since ?? 0, detail: spec.detail ?? {}, evidence: [], detector: spec.detector ?? 'claude-code' };
  const transition =
    spec.from === undefined ? undefined : { agentId: spec.id, pane, from: spec.from, to: spec.state, at: result.since, detector: result.detector, detail: result.detail, evidence: [] };
  return { agentId: spec.id, stateKey: spec.stateKey ?? spec.id, pane, result, runner, transition };
}

/** An action context on a hand-driven clock. */
export function actionContext(overrides: (config: Config) => Config = (c) => c): ActionContext & { clock: { now(): number; set(ms: number): void }; logger: ReturnType<typeof memoryLogger> } {
  let now = 0;
  return {
    config: overrides(createDefaultConfig('/tmp/tmux-orc-test-home')),
    clock: { now: () => now, set: (ms: number) => { now = ms; } },
    logger: memoryLogger(),
    state: emptyActionState(),
  };
}
