import type { AgentStatus } from '@tmux-orc/monitor';
import { describe, expect, it } from 'vitest';
import { impliedState, matchHookAgent, parseClaudeHook, screenAgrees } from './claude-hooks.js';

const agent = (id: string, state: AgentStatus['state'] = 'active'): AgentStatus => ({
  id, host: null, target: `s:${id}.0`, session: 's', window: 'Claude-x', name: 'x', role: 'agent', detector: 'claude-code', state, since: '2026-01-01T00:00:00.000Z', detail: {}, evidence: [],
});

describe('parseClaudeHook', () => {
  it('takes the pane from the header first, then from the body', () => {
    expect(parseClaudeHook({ hook_event_name: 'Stop', tmux_pane: '%9', cwd: '/w' }, '%3')).toMatchObject({ event: 'Stop', pane: '%3', cwd: '/w' });
    expect(parseClaudeHook({ hook_event_name: 'Stop', tmux_pane: '%9' }, undefined)).toMatchObject({ pane: '%9', cwd: null });
    expect(parseClaudeHook({ hook_event_name: 'Notification', message: 'm', session_id: 's' }, '')).toMatchObject({ pane: null, message: 'm', sessionId: 's' });
  });

  it('names what it expected and what it got', () => {
    expect(parseClaudeHook([], undefined)).toBe('Expected a JSON object from a Claude Code hook, got an array');
    expect(parseClaudeHook({ hook_event_name: 'PostToolUse' }, undefined)).toBe(
      'Expected hook_event_name to be one of Stop, Notification, PreToolUse, UserPromptSubmit, SessionEnd, got "PostToolUse"',
    );
  });
});

describe('impliedState and screenAgrees', () => {
  it('maps each event to the state it implies', () => {
    expect(impliedState({ event: 'UserPromptSubmit' })).toBe('active');
    expect(impliedState({ event: 'PreToolUse' })).toBe('active');
    expect(impliedState({ event: 'Stop' })).toBe('idle');
    expect(impliedState({ event: 'SessionEnd' })).toBe('crashed');
    expect(impliedState({ event: 'Notification', message: 'Claude needs your permission to use Bash' })).toBe('waiting_input');
    expect(impliedState({ event: 'Notification', message: 'Claude is waiting for your input' })).toBe('idle');
  });

  it('agrees when the screen shows the same, or a compatible, state', () => {
    expect(screenAgrees('idle', 'idle')).toBe(true);
    expect(screenAgrees('idle', 'fresh')).toBe(true);
    expect(screenAgrees('idle', 'active')).toBe(false);
    expect(screenAgrees('active', 'waiting_input')).toBe(true);
    expect(screenAgrees('crashed', 'active')).toBe(false);
  });
});

describe('matchHookAgent', () => {
  const agents = [agent('%1'), agent('%2'), agent('-L b/%3')];
  it('matches by pane id, also under a server prefix', () => {
    expect(matchHookAgent({ pane: '%2', cwd: null }, agents, new Map())).toMatchObject({ agent: { id: '%2' }, by: 'pane' });
    expect(matchHookAgent({ pane: '%3', cwd: null }, agents, new Map())).toMatchObject({ agent: { id: '-L b/%3' } });
    expect(matchHookAgent({ pane: '%7', cwd: null }, agents, new Map())).toEqual({ agent: null, reason: 'no monitored pane %7' });
  });

  it('matches by cwd only when exactly one agent is there', () => {
    const cwds = new Map([['%1', '/a'], ['%2', '/b'], ['-L b/%3', '/b'], ['%3', '/c']]);
    expect(matchHookAgent({ pane: null, cwd: '/a' }, agents, cwds)).toMatchObject({ agent: { id: '%1' }, by: 'cwd' });
    expect(matchHookAgent({ pane: null, cwd: '/b' }, agents, cwds)).toEqual({ agent: null, reason: '2 monitored panes in /b; send X-Tmux-Pane' });
    expect(matchHookAgent({ pane: null, cwd: null }, agents, cwds)).toMatchObject({ agent: null });
  });

  it('reads cwds by agent id: the same pane id on another server is another pane', () => {
    const cwds = new Map([['%1', '/a'], ['%2', '/b'], ['-L b/%3', '/b'], ['%3', '/c']]);
    expect(matchHookAgent({ pane: null, cwd: '/c' }, agents, cwds)).toEqual({ agent: null, reason: 'no monitored pane in /c' });
  });
});
