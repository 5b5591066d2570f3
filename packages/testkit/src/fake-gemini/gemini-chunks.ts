import type { FakeGeminiReply } from './gemini-reply.js';

/** One `GenerateContentResponse` of a streamed answer, and how long to wait before sending it. */
export interface GeminiChunk {
  readonly data: Readonly<Record<string, unknown>>;
  readonly delayMs: number;
}

/** Splits `text` into at most `count` pieces of near-equal length that join back to it. */
export function splitText(text: string, count: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / Math.max(1, count)));
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += size) pieces.push(text.slice(at, at + size));
  return pieces.length === 0 ? [''] : pieces;
}

function response(parts: readonly Record<string, unknown>[], model: string, finished: boolean): Record<string, unknown> {
  const outputTokens = Math.ceil(parts.reduce((sum, part) => sum + JSON.stringify(part).length, 0) / 4);
  return {
    candidates: [{ content: { role: 'model', parts }, index: 0, ...(finished ? { finishReason: 'STOP' } : {}) }],
    usageMetadata: { promptTokenCount: 1200, candidatesTokenCount: outputTokens, totalTokenCount: 1200 + outputTokens },
    modelVersion: model,
    responseId: 'fake-response',
  };
}

/**
 * The streamed `GenerateContentResponse`s of a reply, as `…:streamGenerateContent?alt=sse` sends
 * them: optional thought parts, then text pieces `chunkDelayMs` apart, or the text and a
 * `functionCall` part; the last one carries `finishReason: STOP`. A `hang` or `http_error` reply
 * has no chunks.
 */
export function geminiChunks(reply: FakeGeminiReply, model: string): GeminiChunk[] {
  if (reply.kind === 'text') {
    const count = reply.chunks ?? 1;
    const delay = reply.chunkDelayMs ?? 0;
    const first = reply.firstTokenDelayMs ?? 0;
    const thoughts = reply.thought === undefined ? [] : splitText(reply.thought, count).map((text) => ({ text, thought: true }));
    const texts = splitText(reply.text, count).map((text) => ({ text }));
    const parts = [...thoughts, ...texts];
    return parts.map((part, index) => ({
      data: response([part], model, index === parts.length - 1),
      delayMs: index === 0 ? first : delay,
    }));
  }
  if (reply.kind === 'function_call') {
    const text = reply.text === undefined ? [] : [{ data: response([{ text: reply.text }], model, false), delayMs: 0 }];
    return [...text, { data: response([{ functionCall: { name: reply.name, args: reply.args } }], model, true), delayMs: 0 }];
  }
  return [];
}

/** The whole reply as one `GenerateContentResponse` (for `…:generateContent`). */
export function geminiResponse(reply: FakeGeminiReply, model: string): Record<string, unknown> {
  const parts = geminiChunks(reply, model).flatMap((chunk) => {
    const candidates = chunk.data['candidates'] as { content: { parts: Record<string, unknown>[] } }[];
    return candidates[0]?.content.parts ?? [];
  });
  return response(parts, model, true);
}
