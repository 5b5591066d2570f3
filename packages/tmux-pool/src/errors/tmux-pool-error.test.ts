import { describe, expect, it } from 'vitest';
import { TmuxServerGoneError } from './tmux-server-gone-error.js';
import { TmuxPoolError, tmuxPoolErrorCodes } from './tmux-pool-error.js';

describe('TmuxPoolError', () => {
  it('names the subclass, keeps code and cause, and is recognised across package copies', () => {
    const cause = new Error('socket refused');
    const error = new TmuxServerGoneError('-L work', 'no server running', { cause });
    expect(error).toMatchObject({ name: 'TmuxServerGoneError', code: 'TMUX_SERVER_GONE', cause, server: '-L work' });
    expect(tmuxPoolErrorCodes).toContain(error.code);
    expect(TmuxPoolError.isInstance(error)).toBe(true);
    // What another copy of the package would make: the same process-wide marker, another class.
    const foreign = Object.assign(new Error('x'), { [Symbol.for('@tmux-orc/tmux-pool.TmuxPoolError')]: true });
    expect(TmuxPoolError.isInstance(foreign)).toBe(true);
    expect(TmuxPoolError.isInstance(new Error('plain'))).toBe(false);
    expect(TmuxPoolError.isInstance('TMUX_SERVER_GONE')).toBe(false);
  });
});
