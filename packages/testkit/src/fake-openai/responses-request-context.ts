import type { FakeOpenAIRequestContext } from './openai-reply.js';

type Item = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Item {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function items(value: unknown): Item[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** Codex sends its environment and instructions as user messages wrapped in tags; they are not the user's words. */
function isHarnessNote(text: string): boolean {
  return /^\s*<(?:environment_context|user_instructions|permissions instructions|skills_instructions|turn_aborted)\b/u.test(text);
}

function userText(message: Item): string {
  const content = message['content'];
  if (typeof content === 'string') return content;
  return items(content)
    .filter((part) => part['type'] === 'input_text' && typeof part['text'] === 'string')
    .map((part) => String(part['text']))
    .filter((text) => !isHarnessNote(text))
    .join('\n')
    .trim();
}

/** Reads what the reply script needs from a `POST /v1/responses` body. */
export function toResponsesContext(body: unknown, now: number): FakeOpenAIRequestContext {
  const request = isRecord(body) ? body : {};
  const input = items(request['input']);
  const prompts = input.filter((item) => item['role'] === 'user').map(userText).filter((text) => text !== '');
  const newest = input.at(-1);
  const isToolResult = newest?.['type'] === 'function_call_output';
  const output = newest?.['output'];
  const tools = request['tools'];
  return {
    promptText: prompts.at(-1) ?? '',
    isToolResult,
    toolOutput: isToolResult ? (typeof output === 'string' ? output : JSON.stringify(output ?? '')) : '',
    hasTools: Array.isArray(tools) && tools.length > 0,
    model: typeof request['model'] === 'string' ? request['model'] : 'gpt-fake',
    now,
  };
}
