import type { TmuxRunner } from './runner.js';

/**
 * Types `text` into a pane literally (`send-keys -l --`: key names are not keys, a leading `-` is no flag), then
 * presses Enter as a separate command, the way agents' prompt boxes expect a submission.
 */
export async function sendText(runner: TmuxRunner, target: string, text: string, options: { submit?: boolean } = {}): Promise<void> {
  if (text !== '') await runner.run(['send-keys', '-t', target, '-l', '--', text]);
  if (options.submit ?? true) await runner.run(['send-keys', '-t', target, 'Enter']);
}
