import { randomBytes } from 'node:crypto';
import type { TmuxRunner } from '@tmux-orc/tmux-pool';

/** User options of one pane that discovery reads beyond what `listPanes` gives. */
export interface PaneOptions {
  readonly role: string | null;
  readonly agent: string | null;
}

/**
 * Reads the role option (`discovery.pm.role_option`) and the agent option
 * (`discovery.agent_option`) of every pane with one `list-panes -a -F`, fields split on a random
 * nonce so no option value can fake a field.
 */
export async function readPaneOptions(runner: TmuxRunner, roleOption: string, agentOption: string): Promise<Map<string, PaneOptions>> {
  const nonce = randomBytes(4).toString('hex');
  const separator = `\u001f${nonce}\u001f`;
  const end = `\u001e${nonce}\u001e`;
  const lines = await runner.run(['list-panes', '-a', '-F', ['#{pane_id}', `#{${roleOption}}`, `#{${agentOption}}`].join(separator) + end]);
  const options = new Map<string, PaneOptions>();
  for (const record of lines.join('\n').split(end)) {
    const [id, role, agent] = record.replace(/^\n/, '').split(separator);
    if (id === undefined || role === undefined || agent === undefined) continue;
    options.set(id, { role: role === '' ? null : role, agent: agent === '' ? null : agent });
  }
  return options;
}
