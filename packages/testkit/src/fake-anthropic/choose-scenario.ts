import type { FakeRequestContext, FakeScenario } from './fake-reply.js';

function matches(scenario: FakeScenario, request: FakeRequestContext): boolean {
  const { match } = scenario;
  if (typeof match === 'function') return match(request);
  const pattern = typeof match === 'string' ? new RegExp(`\\b${escapeRegExp(match)}\\b`) : match;
  return pattern.test(request.promptText);
}

/** The first scenario whose `match` accepts the request, or undefined. */
export function chooseScenario(scenarios: readonly FakeScenario[], request: FakeRequestContext): FakeScenario | undefined {
  return scenarios.find((scenario) => matches(scenario, request));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
