/**
 * Which session an agent's reports go to: its tmux session on its own server. The agent id's
 * server prefix (`me@box -L work/` in `me@box -L work/%3`) keeps a `work` session on one host apart
 * from a `work` session on another, so a PM only ever hears of, and is typed into for, its own server.
 */
export function sessionKey(agent: { readonly agentId: string; readonly pane: { readonly id: string; readonly session: string } }): string {
  const prefix = agent.agentId.endsWith(agent.pane.id) ? agent.agentId.slice(0, agent.agentId.length - agent.pane.id.length) : '';
  return `${prefix}${agent.pane.session}`;
}
