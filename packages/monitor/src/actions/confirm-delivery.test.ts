import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordingRunner, view } from '../__fixtures__/agent-views.js';
import { confirmDelivery } from './confirm-delivery.js';

// Real Claude Code 2.1.330 screens: a message typed and not sent, and an idle screen.
const fixture = (name: string): string[] => readFileSync(new URL(`../../../health-checker/src/__fixtures__/claude-code-2.1.330/${name}.txt`, import.meta.url), 'utf8').split('\n');
const typed = fixture('queued_message-typed-not-sent-120x40');
const idle = fixture('idle-replied-120x40');
const typedText = 'fix the failing tests please';
const options = { settleMs: 0, sleep: async () => undefined };

function paneShowing(...screens: string[][]) {
  const runner = recordingRunner((args) => (args[0] === 'capture-pane' ? (screens.length > 1 ? (screens.shift() ?? []) : (screens[0] ?? [])) : []));
  return { runner, pm: view({ id: '%0', name: 'pm', role: 'pm', state: 'idle' }, runner) };
}

describe('confirmDelivery on real Claude Code screens', () => {
  it('is delivered when the input box no longer holds the text', async () => {
    const { runner, pm } = paneShowing(idle);
    expect(await confirmDelivery(pm, typedText, options)).toBe('delivered');
    expect(runner.commands.filter((c) => c[0] === 'send-keys')).toEqual([]);
  });

  it('presses Enter once more when the text still sits in the box, and is delivered if that took', async () => {
    const { runner, pm } = paneShowing(typed, idle);
    expect(await confirmDelivery(pm, `${typedText} and more`, options)).toBe('delivered_after_retry');
    expect(runner.commands.filter((c) => c[0] === 'send-keys')).toEqual([['send-keys', '-t', '%0', 'Enter']]);
  });

  it('is undelivered when the text is still there after the second Enter', async () => {
    const { runner, pm } = paneShowing(typed);
    expect(await confirmDelivery(pm, typedText, options)).toBe('undelivered');
    expect(runner.commands.filter((c) => c[0] === 'send-keys')).toHaveLength(1);
  });

  it('does not take somebody else\'s typed text for the report', async () => {
    const { pm } = paneShowing(typed);
    expect(await confirmDelivery(pm, '[tmux-orc] dev (s:1) idle 5m', options)).toBe('delivered');
  });
});
