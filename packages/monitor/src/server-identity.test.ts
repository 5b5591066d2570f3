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
    expect(formatAgentId(one, { socketName: 'a' }, '%3')).toBe('%3');
    expect(formatAgentId(two, { socketName: 'b' }, '%3')).toBe('-L b/%3');
    expect(configuredServers(two).map((s) => s.prefix)).toEqual(['-L a/', '-L b/']);
    expect(configuredServers(createDefaultConfig('/tmp/home'))).toHaveLength(1);
  });
});

describe('servers on other hosts', () => {
  const remote = { socket_name: 'work', host: 'me@box', port: 2222, ssh: { identity_file: '/k', options: { ProxyJump: 'bastion' } } };

  it('reach their host over ssh with the configured port, key and options', () => {
    expect(toTmuxServer(remote)).toEqual({ socketName: 'work', ssh: { host: 'me@box', port: 2222, identityFile: '/k', options: { ProxyJump: 'bastion' } } });
    expect(toTmuxServer({ default: true, host: 'box' })).toEqual({ kind: 'default', ssh: { host: 'box' } });
  });

  it('name the host in agent ids even when alone, and leave a local server next to them unchanged in form', () => {
    expect(configuredServers({ servers: [remote] }).map((s) => [s.label, s.prefix, s.host])).toEqual([['me@box:2222 -L work', 'me@box:2222 -L work/', 'me@box:2222']]);
    const mixed = configuredServers({ servers: [{ socket_name: 'work' }, { default: true, host: 'box' }] });
    expect(mixed.map((s) => formatAgentId({ servers: [{ socket_name: 'work' }, { default: true, host: 'box' }] }, s.server, '%3'))).toEqual(['-L work/%3', 'box/%3']);
    expect(mixed.map((s) => s.host)).toEqual([null, 'box']);
  });
});
