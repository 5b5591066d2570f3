import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actionContext, recordingRunner, view } from '../__fixtures__/agent-views.js';
import { resubmitQueued } from './resubmit-queued.js';

// Real Claude Code 2.1.330 screens, as the pane shows them when the action reads it again.
const screen = (name: string): string[] => readFileSync(new URL(`../../../health-checker/src/__fixtures__/claude-code-2.1.330/${name}.txt`, import.meta.url), 'utf8').split('\n');
const typed = screen('queued_message-typed-not-sent-120x40');
const dialog = screen('waiting_input-ask-user-question-120x40');
const enters = (commands: string[][]) => commands.filter((c) => c[0] === 'send-keys');

describe('resubmitQueued', () => {
  it('presses Enter a bounded number of times, spaced, then reports; leaving the state resets', async () => {
    const runner = recordingRunner((args) => (args[0] === 'capture-pane' ? typed : []));
    const ctx = actionContext((c) => ({ ...c, recovery: { ...c.recovery, resubmit_attempts: 2, resubmit_spacing: 10 } }));
    const queued = [view({ id: '%1', name: 'dev', state: 'queued_message', detail: { queuedText: 'run the\ntests' } }, runner)];
    const log: string[] = [];
    for (const at of [0, 5_000, 10_000, 20_000]) {
      ctx.clock.set(at);
      const items = await resubmitQueued(queued, ctx);
      log.push(`${at}: ${enters(runner.commands).length} Enter${items.map((i) => `, ${i.text}`).join('')}`);
    }
    expect(log).toEqual(['0: 1 Enter', '5000: 1 Enter', '10000: 2 Enter', `20000: 2 Enter, dev (s:1) queued_message: "run the tests" not submitted after 2 Enter`]);
    expect(enters(runner.commands)[0]).toEqual(['send-keys', '-t', '%1', 'Enter']);
    await resubmitQueued([view({ id: '%1', name: 'dev', state: 'active' }, runner)], ctx);
    expect(ctx.state.resubmits).toEqual({});
  });

  it('never presses Enter when the pane, read again right before, shows a dialog instead of typed text', async () => {
    const runner = recordingRunner((args) => (args[0] === 'capture-pane' ? dialog : []));
    const ctx = actionContext();
    await resubmitQueued([view({ id: '%1', name: 'dev', state: 'queued_message', detail: { queuedText: 'x' } }, runner)], ctx);
    expect(enters(runner.commands)).toEqual([]);
  });
});
