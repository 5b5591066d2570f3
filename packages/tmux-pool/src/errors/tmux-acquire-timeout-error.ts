import { TmuxPoolError } from './tmux-pool-error.js';

/** Every connection of the pool stayed at capacity for longer than the acquire timeout. */
export class TmuxAcquireTimeoutError extends TmuxPoolError {
  constructor(timeoutMs: number, size: number) {
    super('TMUX_ACQUIRE_TIMEOUT', `no tmux connection became free within ${timeoutMs} ms (pool size ${size}, all at capacity)`);
  }
}
