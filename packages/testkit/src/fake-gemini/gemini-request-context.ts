import type { FakeGeminiRequestContext } from './gemini-reply.js';
import { responseSchemaOf } from './json-for-schema.js';

interface Part {
  readonly text?: unknown;
  readonly thought?: unknown;
  readonly functionResponse?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function partsOf(content: unknown): Part[] {
  if (!isRecord(content) || !Array.isArray(content['parts'])) return [];
  return content['parts'].filter(isRecord);
}

/** Gemini CLI opens the first user turn with its own `<session_context>` block; keywords come from the user's words only. */
function withoutSessionContext(text: string): string {
  return text.replace(/<session_context>[\s\S]*?<\/session_context>/g, '').trim();
}

function texts(parts: readonly Part[]): string[] {
  return parts
    .filter((part) => typeof part.text === 'string' && part.thought !== true)
    .map((part) => withoutSessionContext(String(part.text)))
    .filter((text) => text !== '');
}

/** `/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse` → `gemini-2.5-pro`. */
export function modelFromPath(path: string): string {
  return /\/models\/([^/:?]+)/.exec(path)?.[1] ?? 'gemini-fake';
}

/** Reads what the reply script needs from a `generateContent` / `streamGenerateContent` body. */
export function toGeminiRequestContext(body: unknown, url: string, now: number): FakeGeminiRequestContext {
  const request = isRecord(body) ? body : {};
  const contents = Array.isArray(request['contents']) ? request['contents'].filter(isRecord) : [];
  const lastUser = contents.filter((content) => content['role'] === 'user').at(-1);
  const parts = partsOf(lastUser);
  const tools = Array.isArray(request['tools']) ? request['tools'].filter(isRecord) : [];
  const declarations = tools.flatMap((tool) => (Array.isArray(tool['functionDeclarations']) ? tool['functionDeclarations'] : []));
  return {
    promptText: texts(parts).at(-1) ?? '',
    systemText: texts(partsOf(request['systemInstruction'])).join('\n'),
    isToolResult: parts.some((part) => part.functionResponse !== undefined),
    hasTools: declarations.length > 0,
    model: modelFromPath(url),
    responseSchema: responseSchemaOf(body),
    streaming: url.includes(':streamGenerateContent'),
    now,
  };
}
