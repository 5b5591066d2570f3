import { describe, expect, it } from 'vitest';
import { createSseParser, type ServerSentEvent } from './sse-parser.js';

describe('createSseParser', () => {
  it('joins events split across chunks, drops comments and keeps multi-line data', () => {
    const events: ServerSentEvent[] = [];
    const feed = createSseParser((event) => events.push(event));
    feed(': tmux-orc transitions\n\nevent: transi');
    feed('tion\ndata: {"to":"idle"}\n\n: keep-alive\n\n');
    feed('data: a\r\ndata: b\r\n\r\n');
    expect(events).toEqual([
      { event: 'transition', data: '{"to":"idle"}' },
      { event: 'message', data: 'a\nb' },
    ]);
  });

  it('holds an event back until its blank line arrives', () => {
    const events: ServerSentEvent[] = [];
    const feed = createSseParser((event) => events.push(event));
    feed('event: transition\ndata: {}\n');
    expect(events).toEqual([]);
    feed('\n');
    expect(events).toHaveLength(1);
  });
});
