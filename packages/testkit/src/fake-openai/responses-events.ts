import { splitIntoChunks } from '../fake-anthropic/sse-events.js';
import type { FakeOpenAIReply } from './openai-reply.js';

/** One server-sent event of the Responses streaming format. */
export interface ResponsesEvent {
  /** The event `type`, sent both as the SSE `event:` name and as `type` in the data. */
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** Milliseconds to wait before sending this event. */
  readonly delayMs: number;
}

/** Serialises one event as `event: …\ndata: {"type": …}\n\n`. */
export function encodeResponsesEvent(event: ResponsesEvent, sequenceNumber: number): string {
  return `event: ${event.type}\ndata: ${JSON.stringify({ type: event.type, sequence_number: sequenceNumber, ...event.data })}\n\n`;
}

/** Ids of one streamed response. */
export interface ResponseIds {
  readonly responseId: string;
  readonly messageId: string;
  readonly callId: string;
  readonly model: string;
}

function tokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function response(ids: ResponseIds, status: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: ids.responseId, object: 'response', model: ids.model, status, output: [], ...extra };
}

/** The output items a reply ends with (message, function call). */
function messageItem(ids: ResponseIds, text: string): Record<string, unknown> {
  return { type: 'message', id: ids.messageId, role: 'assistant', status: 'completed', content: [{ type: 'output_text', text, annotations: [] }] };
}

/**
 * The event sequence of a streamed reply: `response.created`, then per output item
 * `response.output_item.added`, its deltas and `response.output_item.done`, then
 * `response.completed` with usage. A `hang` yields only `response.created`; `failed` ends with
 * `response.failed` carrying the error.
 */
export function responsesEvents(reply: FakeOpenAIReply, ids: ResponseIds): ResponsesEvent[] {
  const events: ResponsesEvent[] = [{ type: 'response.created', delayMs: 0, data: { response: response(ids, 'in_progress') } }];
  if (reply.kind === 'hang' || reply.kind === 'http_error') return events;
  if (reply.kind === 'failed') {
    events.push({ type: 'response.failed', delayMs: 0, data: { response: response(ids, 'failed', { error: { code: reply.code, message: reply.message } }) } });
    return events;
  }
  let outputIndex = 0;
  let outputText = '';
  const message = (text: string, chunks: number, delayMs: number): void => {
    events.push({ type: 'response.output_item.added', delayMs: 0, data: { output_index: outputIndex, item: { type: 'message', id: ids.messageId, role: 'assistant', status: 'in_progress', content: [] } } });
    for (const delta of splitIntoChunks(text, chunks)) {
      events.push({ type: 'response.output_text.delta', delayMs, data: { output_index: outputIndex, content_index: 0, item_id: ids.messageId, delta } });
    }
    events.push({ type: 'response.output_item.done', delayMs: 0, data: { output_index: outputIndex, item: messageItem(ids, text) } });
    outputIndex += 1;
    outputText += text;
  };
  if (reply.kind === 'text') {
    const chunks = reply.chunks ?? 1;
    const delayMs = reply.chunkDelayMs ?? 0;
    if (reply.firstTokenDelayMs !== undefined) {
      events.push({ type: 'response.in_progress', delayMs: reply.firstTokenDelayMs, data: { response: response(ids, 'in_progress') } });
    }
    if (reply.reasoning !== undefined) {
      const item = { type: 'reasoning', id: `rs_${ids.responseId}`, summary: [] };
      events.push({ type: 'response.output_item.added', delayMs: 0, data: { output_index: outputIndex, item } });
      for (const delta of splitIntoChunks(reply.reasoning, chunks)) {
        events.push({ type: 'response.reasoning_summary_text.delta', delayMs, data: { output_index: outputIndex, item_id: item.id, summary_index: 0, delta } });
      }
      events.push({ type: 'response.output_item.done', delayMs: 0, data: { output_index: outputIndex, item: { ...item, summary: [{ type: 'summary_text', text: reply.reasoning }] } } });
      outputIndex += 1;
      message(reply.text, 1, 0);
    } else {
      message(reply.text, chunks, delayMs);
    }
  } else {
    if (reply.text !== undefined) message(reply.text, 1, 0);
    const args = JSON.stringify(reply.arguments);
    const call = {
      type: 'function_call',
      id: `fc_${ids.callId}`,
      call_id: ids.callId,
      name: reply.name,
      ...(reply.namespace === undefined ? {} : { namespace: reply.namespace }),
      arguments: args,
      status: 'completed',
    };
    events.push({ type: 'response.output_item.added', delayMs: 0, data: { output_index: outputIndex, item: { ...call, arguments: '', status: 'in_progress' } } });
    events.push({ type: 'response.function_call_arguments.delta', delayMs: 0, data: { output_index: outputIndex, item_id: call.id, delta: args } });
    events.push({ type: 'response.output_item.done', delayMs: 0, data: { output_index: outputIndex, item: call } });
    outputText += args;
  }
  const usage = { input_tokens: 25, input_tokens_details: { cached_tokens: 0 }, output_tokens: tokens(outputText), output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 25 + tokens(outputText) };
  events.push({ type: 'response.completed', delayMs: 0, data: { response: response(ids, 'completed', { usage }) } });
  return events;
}
