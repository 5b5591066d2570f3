import pc from 'picocolors';

const stateColors: Record<string, (text: string) => string> = {
  active: pc.green,
  idle: pc.dim,
  waiting_input: pc.yellow,
  queued_message: pc.yellow,
  fresh: pc.cyan,
  error: pc.red,
  rate_limited: pc.magenta,
  compacting: pc.blue,
  crashed: pc.red,
  unknown: pc.gray,
};

/** Colors a state name as the tables show it. */
export function colorState(state: string): string {
  return (stateColors[state] ?? ((text: string) => text))(state);
}

/** The deciding screen lines on one line (`⏎` between them), cut to `width` characters. */
export function oneLineEvidence(evidence: string, width: number): string {
  const line = evidence.replace(/\n/g, ' ⏎ ').replace(/\s+/g, ' ').trim();
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}
