/** Parses `--agents 10,25,100` into positive integers, naming the bad part. */
export function parseAgentCounts(text: string): number[] {
  return text.split(',').map((part) => {
    const value = Number(part.trim());
    if (!Number.isInteger(value) || value < 1) throw new Error(`Expected --agents to be positive integers separated by commas, got \`${part}\` in \`${text}\``);
    return value;
  });
}
