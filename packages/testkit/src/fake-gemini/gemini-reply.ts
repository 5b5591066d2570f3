/**
 * What the fake Gemini API answers to one `POST …:streamGenerateContent` (or `…:generateContent`).
 *
 * - `text`: a model text reply, streamed in `chunks` pieces `chunkDelayMs` apart, optionally
 *   preceded by a `thought` part (Gemini's thinking summary) and `firstTokenDelayMs` of silence.
 * - `function_call`: a tool call (`run_shell_command`, `write_file`, `ask_user`, …) after optional text.
 * - `http_error`: an HTTP error status with a Google API error body (`{ error: { code, message, status, details } }`).
 * - `hang`: headers are sent, then nothing until the client gives up or the server closes.
 */
export type FakeGeminiReply =
  | {
      readonly kind: 'text';
      readonly text: string;
      readonly thought?: string;
      readonly chunks?: number;
      readonly chunkDelayMs?: number;
      readonly firstTokenDelayMs?: number;
    }
  | {
      readonly kind: 'function_call';
      readonly name: string;
      readonly args: Readonly<Record<string, unknown>>;
      readonly text?: string;
    }
  | {
      readonly kind: 'http_error';
      readonly status: number;
      /** The Google RPC status name, e.g. `RESOURCE_EXHAUSTED`, `INTERNAL`, `UNAUTHENTICATED`. */
      readonly rpcStatus: string;
      readonly message: string;
      /** `google.rpc` detail objects (`QuotaFailure`, `RetryInfo`, `ErrorInfo`). */
      readonly details?: readonly Readonly<Record<string, unknown>>[];
      readonly headers?: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'hang' };

/** What a scenario sees of the request it answers. */
export interface FakeGeminiRequestContext {
  /** Text of the last user turn's text parts (the prompt), without the CLI's `<session_context>` block. */
  readonly promptText: string;
  /** Text of the request's `systemInstruction`. */
  readonly systemText: string;
  /** True when the last user turn carries a `functionResponse` (the turn after a tool ran). */
  readonly isToolResult: boolean;
  /** True when the request offers function declarations: the CLI's main agent loop. */
  readonly hasTools: boolean;
  /** The model id from the URL path, e.g. `gemini-2.5-pro`. */
  readonly model: string;
  /** The `generationConfig.responseJsonSchema` of a side request that wants JSON (model router, next-speaker check). */
  readonly responseSchema: unknown;
  /** True for `…:streamGenerateContent`, false for `…:generateContent`. */
  readonly streaming: boolean;
  /** Milliseconds since the epoch, from the server's clock. */
  readonly now: number;
}

/** One row of the reply script: the first row whose `match` accepts the request decides the reply. */
export interface FakeGeminiScenario {
  /** Short name, recorded in `requests` so a test can see which row answered. */
  readonly name: string;
  /** A keyword (matched as a whole word in the prompt text), a RegExp, or a predicate. */
  readonly match: string | RegExp | ((request: FakeGeminiRequestContext) => boolean);
  /** Builds the reply; `request` lets a row read numbers from the prompt (`SLOW:5`). */
  readonly reply: (request: FakeGeminiRequestContext) => FakeGeminiReply;
  /** Why the row exists, for humans. */
  readonly description?: string;
}
