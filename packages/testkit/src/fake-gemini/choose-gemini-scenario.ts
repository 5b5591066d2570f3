import type { FakeGeminiRequestContext, FakeGeminiScenario } from './gemini-reply.js';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function matches(scenario: FakeGeminiScenario, request: FakeGeminiRequestContext): boolean {
  const { match } = scenario;
  if (typeof match === 'function') return match(request);
  const pattern = typeof match === 'string' ? new RegExp(`\\b${escapeRegExp(match)}\\b`) : match;
  return pattern.test(request.promptText);
}

/** The first scenario whose `match` accepts the request, or undefined. */
export function chooseGeminiScenario(scenarios: readonly FakeGeminiScenario[], request: FakeGeminiRequestContext): FakeGeminiScenario | undefined {
  return scenarios.find((scenario) => matches(scenario, request));
}
