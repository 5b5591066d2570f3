/**
 * What the fake OpenAI Responses API answers to one `POST /v1/responses`.
 *
 * - `text`: an assistant message streamed as `response.output_text.delta`s, `chunkDelayMs` apart
 *   (optionally after `firstTokenDelayMs` of silence, and a reasoning summary streamed first).
 * - `function_call`: a `function_call` output item (for Codex: `exec_command`,
 *   `request_user_input`, …), optionally after a short message.
 * - `http_error`: an HTTP error status with an OpenAI error body and extra headers.
 * - `failed`: a 200 stream that ends with `response.failed` (the API failing mid-turn).
 * - `hang`: `response.created`, then nothing until the client gives up.
 */
export type FakeOpenAIReply =
  | {
      readonly kind: 'text';
      readonly text: string;
      readonly reasoning?: string;
      readonly chunks?: number;
      readonly chunkDelayMs?: number;
      readonly firstTokenDelayMs?: number;
    }
  | {
      readonly kind: 'function_call';
      readonly name: string;
      /** The tool's namespace, for tools offered in a `namespace` group (Codex's MCP tools: `mcp__<server>`). */
      readonly namespace?: string;
      readonly arguments: Readonly<Record<string, unknown>>;
      readonly text?: string;
    }
  | {
      readonly kind: 'http_error';
      readonly status: number;
      readonly error: { readonly message: string; readonly type: string; readonly code?: string };
      readonly headers?: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'failed'; readonly code: string; readonly message: string }
  | { readonly kind: 'hang' };

/** What a scenario sees of the request it answers. */
export interface FakeOpenAIRequestContext {
  /** Text of the last user message (its `input_text` parts), without Codex's `<environment_context>` notes. */
  readonly promptText: string;
  /** True when the newest input item is a `function_call_output` (the turn after a tool ran or was declined). */
  readonly isToolResult: boolean;
  /** The output of that tool call, when `isToolResult`. */
  readonly toolOutput: string;
  /** True when the request offers tools (Codex's agent loop, not a side request such as a title). */
  readonly hasTools: boolean;
  /** The requested model id. */
  readonly model: string;
  /** Milliseconds since the epoch, from the server's clock. */
  readonly now: number;
}

/** One row of the reply script: the first row whose `match` accepts the request decides the reply. */
export interface FakeOpenAIScenario {
  /** Short name, recorded in `requests` so a test can see which row answered. */
  readonly name: string;
  /** A keyword (matched as a whole word in the prompt text), a RegExp, or a predicate. */
  readonly match: string | RegExp | ((request: FakeOpenAIRequestContext) => boolean);
  /** Builds the reply; `request` lets a row read numbers from the prompt (`SLOW:5`). */
  readonly reply: (request: FakeOpenAIRequestContext) => FakeOpenAIReply;
  /** Why the row exists, for humans. */
  readonly description?: string;
}
