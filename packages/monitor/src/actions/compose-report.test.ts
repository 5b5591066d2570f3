import { describe, expect, it } from 'vitest';
import type { ReportItem } from './agent-view.js';
import { composeReport, maxReportChars } from './compose-report.js';

const idle = (i: number): ReportItem => ({ agentId: `%${i}`, stateKey: `%${i}`, session: 's', kind: 'idle', subject: `agent-${i} (s:${i})`, text: `agent-${i} (s:${i}) idle 5m` });

describe('composeReport', () => {
  it('sends a short report as it is', () => {
    expect(composeReport([idle(1), idle(2)])).toBe('[tmux-orc] agent-1 (s:1) idle 5m; agent-2 (s:2) idle 5m');
  });

  it('rolls up many agents in one state and keeps events whole, within the bound', () => {
    const restart: ReportItem = { agentId: '%200', stateKey: '%200', session: 's', kind: 'restarted', text: 'ops (s:200) crashed, restarted (1/3 this hour)', event: true };
    const text = composeReport([...Array.from({ length: 99 }, (_, i) => idle(i + 1)), restart]);
    expect(text).toBe('[tmux-orc] ops (s:200) crashed, restarted (1/3 this hour); 99 agents idle: agent-1 (s:1), agent-2 (s:2), agent-3 (s:3) … and 96 more');
    expect(text.length).toBeLessThanOrEqual(maxReportChars);
  });

  it('cuts what still does not fit and says how many lines were left out', () => {
    const events = Array.from({ length: 40 }, (_, i): ReportItem => ({ agentId: `%${i}`, stateKey: `%${i}`, session: 's', kind: 'restarted', event: true, text: `agent-${i} (s:${i}) crashed, restarted (1/3 this hour)` }));
    const text = composeReport(events);
    expect(text.length).toBeLessThanOrEqual(maxReportChars);
    expect(text).toMatch(/^\[tmux-orc\] agent-0 .* … \(\+\d+ more\)$/);
    const shown = text.split('; ').length;
    expect(text.endsWith(`(+${40 - shown} more)`)).toBe(true);
  });
});
