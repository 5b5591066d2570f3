import { describe, expect, it } from 'vitest';
import type { AgentRecord } from './agent-state-tracker.js';
import { findAgent } from './find-agent.js';

function record(agentId: string, paneId: string, target: string, name: string): AgentRecord {
  const pane = { id: paneId, target, name, windowName: `Claude-${name}` } as AgentRecord['pane'];
  return { agentId, pane, result: { state: 'idle', detector: 'claude-code', detail: {}, evidence: [], since: 0 }, history: [] };
}

const records = [record('-L a/%1', '%1', 'team:1.0', 'dev'), record('-L b/%1', '%1', 'team:1.0', 'dev'), record('-L a/%2', '%2', 'team:2.0', 'qa')];

describe('findAgent', () => {
  it('finds an agent by id, by name, by window name', () => {
    expect(findAgent(records, '-L b/%1')).toBe(records[1]);
    expect(findAgent(records, 'qa')).toBe(records[2]);
    expect(findAgent(records, 'Claude-qa')).toBe(records[2]);
  });

  it('refuses a pane id or name two servers share, naming both', () => {
    expect(findAgent(records, '%1')).toBe('Expected one agent named "%1", got 2: -L a/%1 (team:1.0), -L b/%1 (team:1.0); give its id or target');
    expect(findAgent(records, 'dev')).toMatch(/^Expected one agent named "dev", got 2:/u);
  });

  it('says what it got and what is monitored', () => {
    expect(findAgent(records, ' nobody ')).toBe('Expected an agent id, pane id, target or name, got "nobody"; monitored: -L a/%1 (team:1.0), -L b/%1 (team:1.0), -L a/%2 (team:2.0)');
    expect(findAgent([], 'x')).toBe('Expected an agent id, pane id, target or name, got "x"; no agent is monitored');
  });
});
