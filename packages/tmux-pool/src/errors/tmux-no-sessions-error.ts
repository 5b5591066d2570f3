import { TmuxPoolError } from './tmux-pool-error.js';

/** The server runs but has no session, so a control client has nothing to attach to. */
export class TmuxNoSessionsError extends TmuxPoolError {
  constructor(server: string) {
    super('TMUX_NO_SESSIONS', `tmux server ${server} has no sessions: there is nothing to attach to`);
  }
}
