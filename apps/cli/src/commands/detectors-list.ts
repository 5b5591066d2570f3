import Table from 'cli-table3';
import pc from 'picocolors';
import type { CommandIo } from '../shared/command-io.js';
import { type DetectorJson, detectorsJson } from '../shared/detectors-json.js';

function versions(entries: DetectorJson['proven_live']): string {
  return entries.length === 0 ? '-' : entries.map((entry) => `${entry.version} (${entry.states.length} states)`).join('\n');
}

/** `tmux-orc detectors [--json]`: one row per detector, its proven and recorded CLI versions, its unproven states. */
export async function runDetectors(options: { readonly json?: boolean }, io: CommandIo): Promise<number> {
  const detectors = detectorsJson();
  if (options.json === true) {
    io.stdout(`${JSON.stringify({ detectors }, null, 2)}\n`);
    return 0;
  }
  const head = ['detector', 'proven live', 'recorded', 'unproven states'].map((title) => pc.bold(title));
  const table = new Table({ head, style: { head: [], border: [], compact: true } });
  for (const detector of detectors) {
    table.push([detector.id, versions(detector.proven_live), versions(detector.recorded), detector.unproven_states.join(', ') || '-']);
  }
  io.stdout(`${table.toString()}\nproven live: the real CLI ran in tmux against a local fake API and the checkers were right on it; recorded: its real screens are in the test corpus.\n`);
  return 0;
}
