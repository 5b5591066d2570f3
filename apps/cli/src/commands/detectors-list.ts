import type { Config } from '@tmux-orc/config';
import { loadConfiguredDetectors } from '@tmux-orc/monitor';
import Table from 'cli-table3';
import pc from 'picocolors';
import type { CommandIo } from '../shared/command-io.js';
import { type DetectorJson, detectorsJson } from '../shared/detectors-json.js';

function versions(entries: DetectorJson['proven_live']): string {
  return entries.length === 0 ? '-' : entries.map((entry) => `${entry.version} (${entry.states.length} states)`).join('\n');
}

function provenCell(detector: DetectorJson): string {
  if (detector.source === 'builtin') return versions(detector.proven_live);
  return detector.declared_versions.length === 0 ? '- (plugin: claims none)' : `${detector.declared_versions.join('\n')}\n(the plugin's claim)`;
}

/**
 * `tmux-orc detectors [--json]`: one row per detector — config's plugins first, as the checkers
 * try them — its proven and recorded CLI versions, its unproven states. A plugin that cannot load
 * exits 2 naming its entry.
 */
export async function runDetectors(options: { readonly json?: boolean }, io: CommandIo, config: Config): Promise<number> {
  let plugins;
  try {
    plugins = (await loadConfiguredDetectors(config)).slice(0, config.detectors.length);
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const detectors = detectorsJson(undefined, plugins);
  if (options.json === true) {
    io.stdout(`${JSON.stringify({ detectors }, null, 2)}\n`);
    return 0;
  }
  const head = ['detector', 'proven live', 'recorded', 'unproven states'].map((title) => pc.bold(title));
  const table = new Table({ head, style: { head: [], border: [], compact: true } });
  for (const detector of detectors) {
    table.push([detector.source === 'plugin' ? `${detector.id} (plugin)` : detector.id, provenCell(detector), versions(detector.recorded), detector.unproven_states.join(', ') || '-']);
  }
  io.stdout(`${table.toString()}\nproven live: the real CLI ran in tmux against a local fake API and the checkers were right on it; recorded: its real screens are in the test corpus.\n`);
  return 0;
}
