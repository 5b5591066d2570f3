import { describe, expect, it } from 'vitest';
import { encodeSseEvent, splitIntoChunks, streamEvents } from './sse-events.js';

describe('splitIntoChunks', () => {
  it('splits into at most the asked number of non-empty pieces that join back to the text', () => {
    const pieces = splitIntoChunks('abcdefghij', 4);
    expect(pieces.join('')).toBe('abcdefghij');
    expect(pieces.length).toBeLessThanOrEqual(4);
    expect(pieces.every((p) => p.length > 0)).toBe(true);
  });

  it('keeps an empty text as one empty piece, so a text block still gets its delta', () => {
    expect(splitIntoChunks('', 3)).toEqual(['']);
  });
});

describe('encodeSseEvent', () => {
  it('writes the event name, one JSON data line and a blank line', () => {
    expect(encodeSseEvent({ event: 'ping', delayMs: 0, data: { type: 'ping' } })).toBe('event: ping\ndata: {"type":"ping"}\n\n');
  });
});

describe('streamEvents', () => {
  const ids = { messageId: 'msg_1', toolUseId: 'toolu_1', model: 'm' };

  it('puts the chunk delay on the deltas only, so the first bytes go out at once', () => {
    const events = streamEvents({ kind: 'text', text: 'abcd', chunks: 2, chunkDelayMs: 100 }, ids);
    expect(events.filter((e) => e.delayMs > 0).map((e) => e.event)).toEqual(['content_block_delta', 'content_block_delta']);
    expect(events[0]?.event).toBe('message_start');
  });

  it('gives a hang reply only message_start and ping, never message_stop', () => {
    expect(streamEvents({ kind: 'hang' }, ids).map((e) => e.event)).toEqual(['message_start', 'ping']);
  });

  it('ends a streamError reply with an error event after the text, without message_stop', () => {
    const events = streamEvents({ kind: 'text', text: 'abcd', chunks: 2, streamError: { type: 'overloaded_error', message: 'Overloaded' } }, ids);
    expect(events.map((e) => e.event).slice(-3)).toEqual(['content_block_delta', 'content_block_delta', 'error']);
    expect(events.at(-1)?.data).toEqual({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
  });
});
