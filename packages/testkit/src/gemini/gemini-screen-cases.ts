import type { GeminiScreenCase } from './gemini-screen-case.js';
import { geminiFailureCases } from './gemini-failure-cases.js';
import { geminiWorkCases } from './gemini-work-cases.js';

export { GEMINI_ALARMING_REPLY } from './gemini-work-cases.js';

/** Every Gemini CLI screen the recorder writes and the live tests check, `<state>-<name>` unique. */
export const geminiScreenCases: readonly GeminiScreenCase[] = [...geminiWorkCases, ...geminiFailureCases];
