import type { FakeRequestContext } from './fake-reply.js';

interface ContentBlock {
  readonly type?: unknown;
  readonly text?: unknown;
}

function blocks(content: unknown): ContentBlock[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return Array.isArray(content) ? content.filter((b): b is ContentBlock => typeof b === 'object' && b !== null) : [];
}

/** Claude Code wraps its own notes to the model in `<system-reminder>` tags; keywords come from the user's words only. */
function withoutReminders(text: string): string {
  return text.replace(/<system-reminder>[\s\S]*?<\/system-reminder>/g, '').trim();
}

function textBlocks(content: unknown): string[] {
  return blocks(content)
    .filter((b) => b.type === 'text' && typeof b.text === 'string')
    .map((b) => withoutReminders(String(b.text)))
    .filter((text) => text !== '');
}

function textOf(content: unknown): string {
  return textBlocks(content).join('\n');
}

/**
 * The newest prompt: the last text block of the last user message. After a failed turn Claude
 * Code sends the failed prompt and the new one in a single user message; only the new one counts.
 */
function lastPrompt(content: unknown): string {
  return textBlocks(content).at(-1) ?? '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads what the reply script needs from a `POST /v1/messages` body. */
export function toRequestContext(body: unknown, now: number): FakeRequestContext {
  const request = isRecord(body) ? body : {};
  const messages = Array.isArray(request['messages']) ? request['messages'].filter(isRecord) : [];
  const lastUser = messages.filter((m) => m['role'] === 'user').at(-1);
  const content = lastUser?.['content'];
  const tools = request['tools'];
  return {
    promptText: lastPrompt(content),
    systemText: textOf(request['system']),
    isToolResult: blocks(content).some((b) => b.type === 'tool_result'),
    hasTools: Array.isArray(tools) && tools.length > 0,
    model: typeof request['model'] === 'string' ? request['model'] : 'claude-fake',
    now,
  };
}
