import type { LoadedConfig } from '@tmux-orc/config';
import type { Readable } from 'node:stream';

/**
 * The JSON `monitor start` writes to the detached daemon's stdin (`daemon-main.ts`): the
 * configuration it loaded and validated (files, environment, flags). The daemon then never loads
 * the config package, zod, yaml or commander, and runs exactly the configuration `monitor start`
 * checked, even if a file changes in between.
 */
export function handedConfigText(loaded: LoadedConfig): string {
  return JSON.stringify(loaded);
}

/** Reads what `monitor start` handed over; a message when it is not a loaded configuration. */
export async function readHandedConfig(stdin: Readable): Promise<LoadedConfig | string> {
  let text = '';
  stdin.setEncoding('utf8');
  for await (const chunk of stdin) text += String(chunk);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `expected the JSON of a loaded configuration on stdin, got ${text.length === 0 ? 'nothing' : `text that is not JSON (${String(error)})`}`;
  }
  const record = value as Partial<LoadedConfig> | null;
  if (record === null || typeof record !== 'object' || typeof record.home !== 'string' || typeof record.config !== 'object' || record.config === null) {
    return `expected the JSON of a loaded configuration on stdin (\`config\`, \`home\`, …), got \`${text.slice(0, 80)}\``;
  }
  return record as LoadedConfig;
}
