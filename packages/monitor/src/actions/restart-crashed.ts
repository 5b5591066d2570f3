import { isShellCommand } from '@tmux-orc/health-checker';
import { sendText } from '@tmux-orc/tmux-pool';
import type { ActionContext, AgentView, ReportItem } from './agent-view.js';
import { agentLabel } from './report-text.js';
import { sessionKey } from './session-key.js';

const hourMs = 3_600_000;
/** Names users give a CLI in `recovery.start_commands`, by detector id. */
const startCommandAliases: Readonly<Record<string, readonly string[]>> = {
  'claude-code': ['claude'],
  gemini: ['gemini-cli'],
  codex: ['codex-cli'],
};

/** The configured start command for an agent: by detector id, its aliases, or the agent option's value. */
export function configuredStartCommand(agent: AgentView, startCommands: Readonly<Record<string, string>>): string | undefined {
  const keys = [agent.result.detector, ...(startCommandAliases[agent.result.detector] ?? []), agent.pane.agentOption ?? ''];
  for (const key of keys) {
    const command = startCommands[key];
    if (command !== undefined) return command;
  }
  return undefined;
}

/**
 * `#{pane_start_command}` as tmux shows it: a command given as one string comes back in double
 * quotes with `"`, `\\` and `$` escaped by a backslash.
 */
export function unquoteStartCommand(shown: string): string {
  const quoted = /^"(.*)"$/s.exec(shown);
  return quoted?.[1] === undefined ? shown : quoted[1].replace(/\\(.)/gs, '$1');
}

interface PaneFacts {
  readonly dead: boolean;
  readonly startCommand: string;
  readonly currentCommand: string;
}

/** Reads the pane's facts afresh right before acting, so a pane that came back is never touched. */
async function readPaneFacts(agent: AgentView): Promise<PaneFacts | undefined> {
  const separator = '\u001f';
  const lines = await agent.runner.run([
    'display-message',
    '-p',
    '-t',
    agent.pane.id,
    ['#{pane_dead}', '#{pane_current_command}', '#{pane_start_command}'].join(separator),
  ]);
  const [dead, currentCommand, ...start] = lines.join('\n').split(separator);
  if (dead === undefined || currentCommand === undefined) return undefined;
  return { dead: dead === '1', currentCommand, startCommand: unquoteStartCommand(start.join(separator)) };
}

/**
 * Restarts crashed agents (`recovery.restart_crashed`), at most `recovery.max_attempts_per_hour`
 * times per agent, never killing anything alive: a DEAD pane is respawned (`respawn-pane -k`) with
 * its recorded start command (`#{pane_start_command}`, else `recovery.start_commands[detector]`);
 * a pane back at a shell prompt gets the configured start command typed in. Waits `graceMs` after an
 * attempt before judging it. Returns report lines saying what was done.
 */
export async function restartCrashed(agents: readonly AgentView[], ctx: ActionContext, graceMs: number): Promise<ReportItem[]> {
  const { restart_crashed: enabled, max_attempts_per_hour: maxAttempts, start_commands: startCommands } = ctx.config.recovery;
  const now = ctx.clock.now();
  const items: ReportItem[] = [];
  for (const agent of agents) {
    const recent = (ctx.state.restarts[agent.stateKey] ?? []).filter((at) => now - at < hourMs);
    if (recent.length === 0) delete ctx.state.restarts[agent.stateKey];
    else ctx.state.restarts[agent.stateKey] = recent;
    if (agent.result.state !== 'crashed') continue;

    const label = agentLabel(agent.pane);
    const exit = agent.result.detail.exitStatus;
    const crashed = `${label} crashed${typeof exit === 'number' ? ` (exit ${exit})` : ''}`;
    // `crashed` lines keep the crashed cooldown; each restart is an event of its own (`restarted`, no
    // cooldown), so the PM hears 1/3, 2/3 and 3/3, not only the first.
    const item = (text: string, kind = 'crashed'): ReportItem => ({ agentId: agent.agentId, stateKey: agent.stateKey, session: sessionKey(agent), kind, text, event: true });
    if (!enabled) {
      items.push(item(crashed));
      continue;
    }
    const last = recent.at(-1);
    if (last !== undefined && now - last < graceMs) continue;
    if (recent.length >= maxAttempts) {
      items.push(item(`${crashed}, not restarted: ${recent.length} restarts in the last hour (max ${maxAttempts})`));
      continue;
    }
    try {
      const facts = await readPaneFacts(agent);
      if (facts === undefined) continue;
      const configured = configuredStartCommand(agent, startCommands);
      if (facts.dead) {
        const command = facts.startCommand !== '' ? facts.startCommand : configured;
        if (command === undefined) {
          items.push(item(`${crashed}, not restarted: no start command recorded or configured for ${agent.result.detector}`));
          continue;
        }
        await agent.runner.run(['respawn-pane', '-k', '-t', agent.pane.id, command]);
      } else if (isShellCommand(facts.currentCommand)) {
        if (configured === undefined) {
          items.push(item(`${crashed}, not restarted: no recovery.start_commands entry for ${agent.result.detector}`));
          continue;
        }
        await sendText(agent.runner, agent.pane.id, configured);
      } else {
        // Something other than a shell runs there now: it is alive, leave it alone.
        continue;
      }
      recent.push(now);
      ctx.state.restarts[agent.stateKey] = recent;
      ctx.logger.info('restarted a crashed agent', { agent: agent.agentId, target: agent.pane.target, attempt: recent.length, dead: facts.dead });
      items.push(item(`${crashed}, restarted (${recent.length}/${maxAttempts} this hour)`, 'restarted'));
    } catch (error) {
      ctx.logger.warn('could not restart a crashed agent', { agent: agent.agentId, error: String(error) });
    }
  }
  return items;
}
