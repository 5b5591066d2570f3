import { describe, expect, it } from 'vitest';
import type { PaneInfo } from './pane-info.js';
import { samePaneRecord } from './same-pane-record.js';

const pane: PaneInfo = {
  id: '%1',
  target: 'main:0.0',
  session: 'main',
  windowIndex: 0,
  windowName: 'Claude-dev',
  paneIndex: 0,
  dead: false,
  deadStatus: null,
  pid: 42,
  currentCommand: 'claude',
  title: '✳ Claude Code',
  windowActivity: 1_700_000_000,
  agentOption: null,
  userOptions: { '@role': 'pm' },
};

describe('samePaneRecord', () => {
  it('compares every field, user options by value', () => {
    expect(samePaneRecord(pane, { ...pane, userOptions: { '@role': 'pm' } })).toBe(true);
    expect(samePaneRecord(pane, { ...pane, windowActivity: pane.windowActivity + 1 })).toBe(false);
    expect(samePaneRecord(pane, { ...pane, title: 'other' })).toBe(false);
    expect(samePaneRecord(pane, { ...pane, userOptions: { '@role': null } })).toBe(false);
    expect(samePaneRecord(pane, { ...pane, userOptions: { '@role': 'pm', '@agent': null } })).toBe(false);
    const { userOptions: _none, ...without } = pane;
    expect(samePaneRecord(pane, without)).toBe(false);
  });
});
