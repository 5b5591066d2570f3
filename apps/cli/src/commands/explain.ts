import type { LoadedConfig } from '@tmux-orc/config';
import { explainAgent } from '../client/explain-client.js';
import { renderExplanation } from '../render/explanation.js';
import type { CommandIo } from '../shared/command-io.js';

/** Options of `tmux-orc explain`. */
export interface ExplainOptions {
  readonly json?: boolean;
}

/**
 * `tmux-orc explain <agent> [--json]`: why the monitor says what it says of one agent (id, pane id,
 * target or name). From the daemon when one watches this server, else one cycle run here.
 * Exit 1 when no monitored agent matches.
 */
export async function runExplain(loaded: LoadedConfig, agent: string, options: ExplainOptions, io: CommandIo, now: () => number = Date.now): Promise<number> {
  const answer = await explainAgent(loaded, agent);
  if (!answer.ok) {
    io.stderr(`tmux-orc explain: ${answer.message}\n`);
    return 1;
  }
  io.stdout(options.json === true ? `${JSON.stringify(answer.json, null, 2)}\n` : renderExplanation(answer.json, now()));
  return 0;
}
