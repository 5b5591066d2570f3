import { builtinDetectors, classifyScreen } from '@tmux-orc/health-checker';
import type { AgentView } from './agent-view.js';

/** How a typed message ended: submitted at once, submitted by a second Enter, or still sitting in the input box. */
export type Delivery = 'delivered' | 'delivered_after_retry' | 'undelivered';

/** Options of {@link confirmDelivery}. */
export interface ConfirmDeliveryOptions {
  /** Waits `ms` (the monitor's timers); the screen needs a moment to show the submission. */
  readonly sleep: (ms: number) => Promise<void>;
  /** How long after Enter the screen is read again. */
  readonly settleMs: number;
}

/** The first characters of a message, as an input box shows them (one line, spaces collapsed). */
function head(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 24);
}

/** True when the pane's input box still holds `text` typed and not submitted. */
async function stillTyped(pane: AgentView, text: string): Promise<boolean> {
  const lines = await pane.runner.run(['capture-pane', '-p', '-J', '-t', pane.pane.id]);
  const reading = classifyScreen(pane.pane, lines.join('\n'), builtinDetectors);
  const queued = head(reading.detail.queuedText ?? '');
  return reading.state === 'queued_message' && queued !== '' && head(text).startsWith(queued);
}

/**
 * Checks that text typed into a pane and submitted with Enter left the input box (the agent took it:
 * it went to work, or the box is empty). If it still sits there, Enter is pressed once more after a
 * short wait; if it is still there after that, the message is undelivered. Users of every agent tool
 * report prompts typed but never submitted: this is how ours are not.
 */
export async function confirmDelivery(pane: AgentView, text: string, options: ConfirmDeliveryOptions): Promise<Delivery> {
  await options.sleep(options.settleMs);
  if (!(await stillTyped(pane, text))) return 'delivered';
  await pane.runner.run(['send-keys', '-t', pane.pane.id, 'Enter']);
  await options.sleep(options.settleMs);
  return (await stillTyped(pane, text)) ? 'undelivered' : 'delivered_after_retry';
}
