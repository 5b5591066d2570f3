import { createDefaultConfig } from '@tmux-orc/config';
import type { PaneInfo } from '@tmux-orc/tmux-pool';
import { describe, expect, it } from 'vitest';
import { discoverPanes, shortName, type DiscoveryPane } from './discover-panes.js';

const rules = createDefaultConfig('/h').discovery;
let nextId = 0;

function pane(session: string, windowName: string, extra: Partial<DiscoveryPane> = {}): DiscoveryPane {
  const id = `%${nextId++}`;
  const info: PaneInfo = {
    id,
    target: `${session}:${extra.windowIndex ?? 0}.${extra.paneIndex ?? 0}`,
    session,
    windowIndex: 0,
    windowName,
    paneIndex: 0,
    dead: false,
    deadStatus: null,
    pid: 1,
    currentCommand: 'sh',
    title: '',
    windowActivity: 0,
    agentOption: null,
  };
  return { ...info, roleOption: null, ...extra };
}

const summary = (panes: readonly DiscoveryPane[], r = rules) =>
  discoverPanes(panes, r).map((p) => `${p.session}:${p.windowName}=${p.role}/${p.name}`);

describe('discoverPanes', () => {
  it('finds agents by window pattern, whole role word and agent option, and ignores the rest', () => {
    const found = summary([
      pane('s', 'Claude-dev', { windowIndex: 1 }),
      pane('s', 'backend-developer', { windowIndex: 2 }),
      pane('s', 'npm-watch', { windowIndex: 3 }),
      pane('s', 'editor', { windowIndex: 4 }),
      pane('s', 'qa_bot', { windowIndex: 5 }),
      pane('s', 'work', { windowIndex: 6, agentOption: 'codex' }),
      pane('s', 'qaqc', { windowIndex: 7 }),
    ]);
    expect(found).toEqual([
      's:Claude-dev=agent/dev',
      's:backend-developer=agent/backend-developer',
      's:qa_bot=agent/qa_bot',
      's:work=agent/work',
    ]);
  });

  it('finds the PM explicitly, never by substring: npm-watch is not a PM', () => {
    const found = summary([
      pane('a', 'npm-watch', { windowIndex: 0 }),
      pane('a', 'Claude-pm', { windowIndex: 1 }),
      pane('b', 'lead', { windowIndex: 0, roleOption: 'pm' }),
      pane('c', 'team-pm', { windowIndex: 0 }),
      pane('d', 'npm', { windowIndex: 0 }),
    ]);
    expect(found).toEqual(['a:Claude-pm=pm/pm', 'b:lead=pm/lead', 'c:team-pm=pm/team-pm']);
  });

  it('keeps one PM per session: a second PM-like pane is an agent', () => {
    const found = summary([pane('s', 'pm', { windowIndex: 2 }), pane('s', 'PM', { windowIndex: 1 })]);
    expect(found).toEqual(['s:PM=pm/PM', 's:pm=agent/pm']);
  });

  it('applies include and exclude globs on session:window, exclude winning', () => {
    const r = { ...rules, include: ['ops:shell-*'], exclude: ['*:Claude-scratch', 'ops:shell-2'] };
    const found = summary(
      [pane('ops', 'shell-1'), pane('ops', 'shell-2', { windowIndex: 1 }), pane('ops', 'Claude-scratch', { windowIndex: 2 })],
      r,
    );
    expect(found).toEqual(['ops:shell-1=agent/shell-1']);
  });

  it('names panes sharing a window by pane index', () => {
    const found = summary([pane('s', 'Claude-dev', { paneIndex: 0 }), pane('s', 'Claude-dev', { paneIndex: 1 })]);
    expect(found).toEqual(['s:Claude-dev=agent/dev.0', 's:Claude-dev=agent/dev.1']);
  });
});

describe('shortName', () => {
  it('drops a prefix pattern and keeps names that are only the prefix', () => {
    expect(shortName('Codex-api', ['Claude-*', 'Codex-*'])).toBe('api');
    expect(shortName('Claude-', ['Claude-*'])).toBe('Claude-');
    expect(shortName('mine', ['Claude-*'])).toBe('mine');
  });
});
