import { describe, expect, it } from 'vitest';
import { createCycleFailures, errorCodeOf } from './cycle-failures.js';
import { MonitorError } from './monitor-error.js';

describe('createCycleFailures', () => {
  it('counts failures in a row from the first, keeps the last error with its code and time, and ends the run on a success', () => {
    const failures = createCycleFailures();
    expect(failures.snapshot()).toEqual({ consecutive: 0, since: null, last_error: null });
    failures.failed(new MonitorError('STRATEGY_FAILED', 'first'), Date.UTC(2026, 0, 1, 0, 0, 1));
    failures.failed(Object.assign(new Error('tmux server -L x is not running'), { code: 'TMUX_SERVER_GONE' }), Date.UTC(2026, 0, 1, 0, 0, 3));
    expect(failures.snapshot()).toEqual({
      consecutive: 2,
      since: '2026-01-01T00:00:01.000Z',
      last_error: { message: 'tmux server -L x is not running', code: 'TMUX_SERVER_GONE', at: '2026-01-01T00:00:03.000Z' },
    });
    failures.succeeded();
    expect(failures.snapshot()).toMatchObject({ consecutive: 0, since: null, last_error: { code: 'TMUX_SERVER_GONE' } });
    failures.failed('a string thrown', Date.UTC(2026, 0, 1, 0, 1, 0));
    expect(failures.snapshot()).toEqual({
      consecutive: 1,
      since: '2026-01-01T00:01:00.000Z',
      last_error: { message: 'a string thrown', code: 'UNEXPECTED', at: '2026-01-01T00:01:00.000Z' },
    });
  });

  it('fails a cycle that ran with a server down, naming the first one and its code; succeeds one with none down', () => {
    const failures = createCycleFailures();
    failures.ran([{ label: '-L a', error: 'tmux server -L a is not running: no server', errorCode: 'TMUX_SERVER_GONE' }, { label: '-L b', error: null, errorCode: null }], 5_000);
    expect(failures.snapshot()).toEqual({
      consecutive: 1,
      since: '1970-01-01T00:00:05.000Z',
      last_error: { message: 'tmux server -L a could not be listed: tmux server -L a is not running: no server', code: 'TMUX_SERVER_GONE', at: '1970-01-01T00:00:05.000Z' },
    });
    failures.ran([{ label: '-L b', error: null, errorCode: null }], 6_000);
    expect(failures.snapshot().last_error).toMatchObject({ message: 'tmux server -L b could not be listed: no answer', code: 'UNEXPECTED' });
    failures.ran([], 7_000);
    expect(failures.snapshot().consecutive).toBe(0);
  });

  it('reads a string code only', () => {
    expect(errorCodeOf(Object.assign(new Error('x'), { code: 42 }))).toBe('UNEXPECTED');
    expect(errorCodeOf(null)).toBe('UNEXPECTED');
    expect(errorCodeOf({ code: 'ENOENT' })).toBe('ENOENT');
  });
});
