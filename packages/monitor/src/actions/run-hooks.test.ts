import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger, recordingRunner, view } from '../__fixtures__/agent-views.js';
import { createExecaHookRunner, startHooks } from './run-hooks.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tmux-orc-hooks-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const transition = (() => {
  const v = view({ id: '%4', name: 'dev', state: 'idle', since: Date.UTC(2026, 0, 1), from: 'active', detail: { unchangedForMs: 12_000 } }, recordingRunner());
  if (v.transition === undefined) throw new Error('expected a transition');
  return v.transition;
})();

describe('hooks', () => {
  it('runs matching hooks with the event as JSON on stdin and in env vars', async () => {
    const logger = memoryLogger();
    const out = join(dir, 'out');
    const hooks = [
      { to: 'idle' as const, command: `cat > ${out}.json; printf '%s|%s|%s|%s|%s' "$TMUX_ORC_AGENT" "$TMUX_ORC_FROM" "$TMUX_ORC_TO" "$TMUX_ORC_PANE" "$TMUX_ORC_EVENT" > ${out}.env` },
      { from: 'crashed' as const, to: 'idle' as const, command: `touch ${out}.wrong-from` },
      { to: 'crashed' as const, command: `touch ${out}.wrong-to` },
    ];
    await Promise.all(startHooks(transition, hooks, 5_000, createExecaHookRunner(logger), logger));
    const event = JSON.parse(await readFile(`${out}.json`, 'utf8'));
    expect(event).toEqual({
      event: 'transition',
      agent: { id: '%4', name: 'dev', role: 'agent', target: 's:1.0', session: 's', window: 'Claude-dev', pane: '%4' },
      from: 'active',
      to: 'idle',
      at: '2026-01-01T00:00:00.000Z',
      detector: 'claude-code',
      detail: { unchangedForMs: 12_000 },
      evidence: [],
    });
    const [agent, from, to, pane, json] = (await readFile(`${out}.env`, 'utf8')).split('|');
    expect([agent, from, to, pane]).toEqual(['dev', 'active', 'idle', '%4']);
    expect(JSON.parse(json ?? '')).toEqual(event);
    await expect(readFile(`${out}.wrong-from`)).rejects.toThrow(/ENOENT/);
    await expect(readFile(`${out}.wrong-to`)).rejects.toThrow(/ENOENT/);
    expect(logger.lines).toEqual([]);
  });

  it('logs a failing hook and kills a slow one after the timeout, never throwing', async () => {
    const logger = memoryLogger();
    const hooks = [
      { to: 'idle' as const, command: 'echo broken >&2; exit 7' },
      { to: 'idle' as const, command: `sleep 30; touch ${join(dir, 'late')}` },
    ];
    await Promise.all(startHooks(transition, hooks, 300, createExecaHookRunner(logger), logger));
    expect(logger.lines.some((l) => /hook failed .*"exitCode":7.*broken/.test(l))).toBe(true);
    expect(logger.lines.some((l) => /hook killed after its timeout .*"timeoutMs":300/.test(l))).toBe(true);
    await expect(readFile(join(dir, 'late'))).rejects.toThrow(/ENOENT/);
  });
});
