import type { LoadedConfig } from '@tmux-orc/config';
import { createMonitor, MonitorError } from '@tmux-orc/monitor';
import { callApi } from './api-client.js';
import { findLiveMonitor } from './find-monitor.js';
import type { ExplainJson } from '../shared/explain-json.js';
import { observeOnly } from '../shared/observe-only.js';

/** An explanation, or why there is none (no such agent, a daemon that failed to answer). */
export type ExplainAnswer = { readonly ok: true; readonly json: ExplainJson } | { readonly ok: false; readonly message: string };

/**
 * Explains one agent: through the daemon (or a demo) that watches this server (`GET
 * /status?agent=`), else by running one cycle here with every action off, first sights settled by
 * tmux's `window_activity` as `status` does.
 */
export async function explainAgent(loaded: LoadedConfig, agent: string): Promise<ExplainAnswer> {
  const live = await findLiveMonitor(loaded);
  if (live !== null) {
    const answer = await callApi<ExplainJson>(live.socket, `/status?agent=${encodeURIComponent(agent)}`, { timeoutMs: 10_000 });
    if (answer.ok) return { ok: true, json: answer.body };
    return { ok: false, message: readError(answer.message) };
  }
  const monitor = createMonitor(observeOnly(loaded.config), { firstSightFromWindowActivity: true });
  try {
    await monitor.runCycle();
    return { ok: true, json: { source: 'one-shot', explanation: await monitor.explain(agent) } };
  } catch (error) {
    if (error instanceof MonitorError && error.code === 'UNKNOWN_AGENT') return { ok: false, message: error.message };
    throw error;
  } finally {
    await monitor.stop();
  }
}

/** The daemon's `{"error": …}` out of `/status?… answered 404: {…}`, else the message as is. */
function readError(message: string): string {
  const body = message.slice(message.indexOf('{'));
  try {
    const parsed = JSON.parse(body) as { error?: unknown };
    return typeof parsed.error === 'string' ? parsed.error : message;
  } catch {
    return message;
  }
}
