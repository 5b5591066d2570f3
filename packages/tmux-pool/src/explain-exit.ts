import { TmuxConnectionClosedError } from './errors/tmux-connection-closed-error.js';
import type { TmuxPoolError } from './errors/tmux-pool-error.js';
import { TmuxServerGoneError } from './errors/tmux-server-gone-error.js';
import { type ProbeTarget, probeServer } from './probe-server.js';
import { saysServerGone } from './server-gone.js';
import { describeServer } from './server.js';

/**
 * Why a control client exited when we did not close it, from its `%exit` reason and stderr. tmux
 * says little when its server is killed (a bare `%exit`), so an unexplained exit is settled by
 * asking the server whether it still runs: `TMUX_SERVER_GONE` if not, `TMUX_CONNECTION_CLOSED`
 * (the client alone ended: killed, detached) if it does.
 */
export async function explainClientExit(exitNote: string, stderr: string, target: ProbeTarget): Promise<TmuxPoolError> {
  const server = describeServer(target.server);
  const detail = [exitNote, stderr.trim()].filter(Boolean).join('; ') || 'the control client exited';
  if (saysServerGone(detail)) return new TmuxServerGoneError(server, detail);
  const probe = await probeServer(target);
  if (probe.kind === 'gone') return new TmuxServerGoneError(server, `${detail}; ${probe.detail.startsWith('host ') ? probe.detail : 'the server no longer answers'}`);
  return new TmuxConnectionClosedError(detail);
}
