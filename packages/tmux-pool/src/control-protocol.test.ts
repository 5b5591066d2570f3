import { describe, expect, it } from 'vitest';
import { type ControlNotification, ControlProtocolParser, type ControlReply } from './control-protocol.js';

function parse(lines: string[]): { replies: ControlReply[]; notes: ControlNotification[] } {
  const replies: ControlReply[] = [];
  const notes: ControlNotification[] = [];
  const parser = new ControlProtocolParser({ reply: (r) => replies.push(r), notification: (n) => notes.push(n) });
  for (const line of lines) parser.line(line);
  return { replies, notes };
}

describe('ControlProtocolParser', () => {
  it('separates replies, errors and notifications, and marks the attach reply as not ours', () => {
    const { replies, notes } = parse([
      '%begin 100 1 0',
      '%end 100 1 0',
      '%sessions-changed',
      '%begin 100 2 1',
      'hello',
      '',
      '%end 100 2 1',
      '%window-add @4',
      '%begin 100 3 1',
      "can't find pane: %99",
      '%error 100 3 1',
      '%exit',
    ]);
    expect(replies).toEqual([
      { ok: true, lines: [], fromClient: false },
      { ok: true, lines: ['hello', ''], fromClient: true },
      { ok: false, lines: ["can't find pane: %99"], fromClient: true },
    ]);
    expect(notes).toEqual([
      { name: 'sessions-changed', args: '' },
      { name: 'window-add', args: '@4' },
      { name: 'exit', args: '' },
    ]);
  });

  it('keeps pane text that looks like protocol lines inside the block', () => {
    const { replies, notes } = parse(['%begin 7 9 1', '%end 7 8 1', '%begin 1 1 1', '%exit', '%end 7 9 1']);
    expect(replies).toEqual([{ ok: true, lines: ['%end 7 8 1', '%begin 1 1 1', '%exit'], fromClient: true }]);
    expect(notes).toEqual([]);
  });
});
