import { TmuxPoolError } from './tmux-pool-error.js';

/** An option passed to this package has the wrong type or value. */
export class TmuxInvalidOptionError extends TmuxPoolError {
  constructor(option: string, expected: string, actual: unknown) {
    super('TMUX_INVALID_OPTION', `Expected the \`${option}\` option to be ${expected}, got \`${String(actual)}\``);
  }
}
