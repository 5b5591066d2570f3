/**
 * What the fake Anthropic API answers to one `POST /v1/messages`.
 *
 * - `text`: an assistant text reply, streamed in `chunks` pieces `chunkDelayMs` apart
 *   (optionally preceded by a thinking block, and by `firstTokenDelayMs` of silence).
 * - `tool_use`: a tool call (for example `Bash`), which Claude Code asks the user to approve.
 * - `http_error`: an HTTP error status with an Anthropic error body and extra headers.
 * - `hang`: headers and `message_start` are sent, then nothing until the client gives up.
 */
export type FakeReply =
  | {
      readonly kind: 'text';
      readonly text: string;
      readonly thinking?: string;
      readonly chunks?: number;
      readonly chunkDelayMs?: number;
      readonly firstTokenDelayMs?: number;
      /** Ends the stream after the text deltas with an `error` event instead of `message_stop`. */
      readonly streamError?: { readonly type: string; readonly message: string };
    }
  | {
      readonly kind: 'tool_use';
      readonly name: string;
      readonly input: Readonly<Record<string, unknown>>;
      readonly text?: string;
    }
  | {
      readonly kind: 'http_error';
      readonly status: number;
      readonly errorType: string;
      readonly message: string;
      readonly headers?: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'hang' };

/** What a scenario sees of the request it answers. */
export interface FakeRequestContext {
  /** The last text block of the last user message, without Claude Code's `<system-reminder>` notes. */
  readonly promptText: string;
  /** Text of the request's system prompt (string or text blocks). */
  readonly systemText: string;
  /** True when the last user message carries a `tool_result` (the turn after a tool ran). */
  readonly isToolResult: boolean;
  /** True when the request offers tools: Claude Code's main agent loop, not a side request (titles, …). */
  readonly hasTools: boolean;
  /** The requested model id. */
  readonly model: string;
  /** Milliseconds since the epoch, from the server's clock. */
  readonly now: number;
}

/** One row of the reply script: the first row whose `match` accepts the request decides the reply. */
export interface FakeScenario {
  /** Short name, recorded in `requests` so a test can see which row answered. */
  readonly name: string;
  /** A keyword (matched as a whole word in the prompt text), a RegExp, or a predicate. */
  readonly match: string | RegExp | ((request: FakeRequestContext) => boolean);
  /** Builds the reply; `request` lets a row read numbers from the prompt (`SLOW:5`). */
  readonly reply: (request: FakeRequestContext) => FakeReply;
  /** Why the row exists, for humans. */
  readonly description?: string;
}
