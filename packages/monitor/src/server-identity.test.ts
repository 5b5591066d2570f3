import { createDefaultConfig } from '@tmux-orc/config';
import { describe, expect, it } from 'vitest';
import { configuredServers, formatAgentId, toTmuxServer } from './server-identity.js';

describe('server identity', () => {
  it('maps each kind of server entry to a tmux-pool server', () => {
    expect(toTmuxServer({ socket_name: 'work' })).toEqual({ socketName: 'work' });
    expect(toTmuxServer({ socket_path: '/tmp/s' })).toEqual({ socketPath: '/tmp/s' });
    expect(toTmuxServer({ default: true })).toEqual({ kind: 'default' });
  });

  it('prefixes agent ids with the server only when several are watched', () => {
    const one = { servers: [{ socket_name: 'a' }] };
    const two = { servers: [{ socket_name: 'a' }, { socket_name: 'b' }] };
    expect(formatAgentId(one, '-L a', '%3')).toBe('%3');
    expect(formatAgentId(two, '-L b', '%3')).toBe('-L b/%3');
    expect(configuredServers(two).map((s) => s.prefix)).toEqual(['-L a/', '-L b/']);
    expect(configuredServers(createDefaultConfig('/tmp/home'))).toHaveLength(1);
  });
});
