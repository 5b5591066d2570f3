import type { FakeReply } from './fake-reply.js';

/** One server-sent event of the Anthropic Messages streaming format. */
export interface SseEvent {
  readonly event: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** Milliseconds to wait before sending this event. */
  readonly delayMs: number;
}

/** Serialises one event as `event: …\ndata: …\n\n`. */
export function encodeSseEvent(event: SseEvent): string {
  return `event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

/** Splits `text` into `count` pieces of near-equal length (never empty pieces). */
export function splitIntoChunks(text: string, count: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / Math.max(1, count)));
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += size) pieces.push(text.slice(at, at + size));
  return pieces.length === 0 ? [''] : pieces;
}

/** The assistant content blocks a reply ends with, as the non-streaming JSON answer carries them. */
export function replyContent(reply: FakeReply, ids: { toolUseId: string }): Record<string, unknown>[] {
  if (reply.kind === 'text') {
    const thinking = reply.thinking === undefined ? [] : [{ type: 'thinking', thinking: reply.thinking, signature: 'fake-signature' }];
    return [...thinking, { type: 'text', text: reply.text }];
  }
  if (reply.kind === 'tool_use') {
    const text = reply.text === undefined ? [] : [{ type: 'text', text: reply.text }];
    return [...text, { type: 'tool_use', id: ids.toolUseId, name: reply.name, input: reply.input }];
  }
  return [];
}

function stopReason(reply: FakeReply): string {
  return reply.kind === 'tool_use' ? 'tool_use' : 'end_turn';
}

/** Estimated output tokens, four characters a token, so usage numbers look plausible. */
function tokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/**
 * The event sequence of a streamed reply: `message_start`, per block `content_block_start`,
 * `content_block_delta`s and `content_block_stop`, then `message_delta` (stop reason, usage) and
 * `message_stop`. A `hang` reply yields only `message_start` and `ping`; a text reply with
 * `streamError` ends with an `error` event after its text deltas.
 */
export function streamEvents(reply: FakeReply, ids: { messageId: string; toolUseId: string; model: string }): SseEvent[] {
  const start: SseEvent = {
    event: 'message_start',
    delayMs: 0,
    data: {
      type: 'message_start',
      message: {
        id: ids.messageId,
        type: 'message',
        role: 'assistant',
        model: ids.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 25, output_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
      },
    },
  };
  const ping: SseEvent = { event: 'ping', delayMs: 0, data: { type: 'ping' } };
  if (reply.kind === 'hang' || reply.kind === 'http_error') return [start, ping];

  const events: SseEvent[] = [start, ping];
  let index = 0;
  let outputText = '';
  const block = (contentBlock: Record<string, unknown>, deltas: Record<string, unknown>[], delayMs: number): void => {
    events.push({ event: 'content_block_start', delayMs: 0, data: { type: 'content_block_start', index, content_block: contentBlock } });
    for (const delta of deltas) events.push({ event: 'content_block_delta', delayMs, data: { type: 'content_block_delta', index, delta } });
    events.push({ event: 'content_block_stop', delayMs: 0, data: { type: 'content_block_stop', index } });
    index += 1;
  };

  if (reply.kind === 'text') {
    const chunks = reply.chunks ?? 1;
    const delayMs = reply.chunkDelayMs ?? 0;
    if (reply.firstTokenDelayMs !== undefined) events.push({ event: 'ping', delayMs: reply.firstTokenDelayMs, data: { type: 'ping' } });
    if (reply.thinking !== undefined) {
      block(
        { type: 'thinking', thinking: '', signature: '' },
        [
          ...splitIntoChunks(reply.thinking, chunks).map((thinking) => ({ type: 'thinking_delta', thinking })),
          { type: 'signature_delta', signature: 'fake-signature' },
        ],
        delayMs,
      );
      block({ type: 'text', text: '' }, [{ type: 'text_delta', text: reply.text }], 0);
    } else if (reply.streamError !== undefined) {
      // The API fails mid-answer: some text, then an `error` event, and the stream ends.
      events.push({ event: 'content_block_start', delayMs: 0, data: { type: 'content_block_start', index, content_block: { type: 'text', text: '' } } });
      for (const text of splitIntoChunks(reply.text, chunks)) {
        events.push({ event: 'content_block_delta', delayMs, data: { type: 'content_block_delta', index, delta: { type: 'text_delta', text } } });
      }
      events.push({ event: 'error', delayMs, data: { type: 'error', error: reply.streamError } });
      return events;
    } else {
      block({ type: 'text', text: '' }, splitIntoChunks(reply.text, chunks).map((text) => ({ type: 'text_delta', text })), delayMs);
    }
    outputText = (reply.thinking ?? '') + reply.text;
  } else {
    if (reply.text !== undefined) block({ type: 'text', text: '' }, [{ type: 'text_delta', text: reply.text }], 0);
    const json = JSON.stringify(reply.input);
    block(
      { type: 'tool_use', id: ids.toolUseId, name: reply.name, input: {} },
      [{ type: 'input_json_delta', partial_json: '' }, { type: 'input_json_delta', partial_json: json }],
      0,
    );
    outputText = (reply.text ?? '') + json;
  }
  events.push({
    event: 'message_delta',
    delayMs: 0,
    data: { type: 'message_delta', delta: { stop_reason: stopReason(reply), stop_sequence: null }, usage: { output_tokens: tokens(outputText) } },
  });
  events.push({ event: 'message_stop', delayMs: 0, data: { type: 'message_stop' } });
  return events;
}
