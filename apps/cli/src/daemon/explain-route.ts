import type { Monitor } from '@tmux-orc/monitor';
import type { ExplainJson } from '../shared/explain-json.js';
import type { HookSighting } from '../shared/hook-sighting.js';
import { screenAgrees } from './claude-hooks.js';
import type { HookDisagreements } from './hook-disagreements.js';

/** What `GET /status?agent=<agent>` needs from the daemon. */
export interface ExplainRouteInput {
  readonly monitor: Monitor;
  readonly source: ExplainJson['source'];
  readonly hooks: ReadonlyMap<string, HookSighting>;
  readonly disagreements: HookDisagreements;
  readonly now: number;
}

/** Answers `GET /status?agent=<agent>`: 200 with the explanation, 404 naming the monitored agents. */
export async function explainRoute(query: string, input: ExplainRouteInput): Promise<{ readonly code: number; readonly body: unknown }> {
  let explanation;
  try {
    explanation = await input.monitor.explain(query);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'UNKNOWN_AGENT') return { code: 404, body: { error: error.message } };
    throw error;
  }
  const sighting = input.hooks.get(explanation.agent.id);
  const disagreement = input.disagreements.get(explanation.agent.id);
  const body: ExplainJson = {
    source: input.source,
    explanation,
    ...(sighting === undefined
      ? {}
      : {
          hook: {
            ...sighting,
            agrees_now: screenAgrees(sighting.implies, explanation.agent.state),
            disagreeing_ms: disagreement === undefined ? null : input.now - disagreement.since,
          },
        }),
  };
  return { code: 200, body };
}
