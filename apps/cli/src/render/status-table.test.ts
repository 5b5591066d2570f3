import { describe, expect, it } from 'vitest';
import type { AgentJson } from '../shared/status-json.js';
import { detectorCell, renderStatusTable } from './status-table.js';

const agent = (id: string, host: string | null): AgentJson => ({
  id, host, target: 'team:1.0', session: 'team', window: 'Claude-x', name: id, role: 'agent', detector: 'claude-code', state: 'idle', since: new Date(0).toISOString(), detail: {}, evidence: '',
});

describe('renderStatusTable', () => {
  it('groups agents by host, this machine first, and keeps one plain table without hosts', () => {
    const grouped = renderStatusTable([agent('b1', 'me@b'), agent('l1', null), agent('a1', 'me@a'), agent('b2', 'me@b')], 0);
    const titles = grouped.split('\n').filter((line) => /^(\u001b\[1m)?(this machine|host )/.test(line)).map((line) => line.replace(/\u001b\[\d+m/g, ''));
    expect(titles).toEqual(['this machine', 'host me@a', 'host me@b']);
    expect(grouped.indexOf('b2')).toBeGreaterThan(grouped.indexOf('host me@b'));
    expect(grouped.indexOf('a1')).toBeLessThan(grouped.indexOf('host me@b'));
    expect(renderStatusTable([agent('l1', null)], 0)).not.toContain('this machine');
  });
});

describe('the detector column of status', () => {
  it('shows the CLI version an agent runs, and warns when it is newer than every proven version', () => {
    expect(detectorCell({ detector: 'claude-code' })).toBe('claude-code');
    expect(detectorCell({ detector: 'claude-code', cli_version: { version: '2.1.332', source: 'package.json', standing: 'proven' } })).toBe('claude-code 2.1.332');
    const newer = detectorCell({ detector: 'claude-code', cli_version: { version: '2.1.340', source: 'package.json', standing: 'newer' } });
    expect(newer.replace(/\u001b\[[0-9;]*m/gu, '')).toBe('claude-code 2.1.340 (newer than proven)');
  });
});
