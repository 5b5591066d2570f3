import { readFileSync } from 'node:fs';

// Linux reports CPU times in /proc in clock ticks; USER_HZ is 100 on every Linux we run on.
const TICK_MS = 10;

/** CPU times of a process from /proc/<pid>/stat, in ms: its own, and that of its waited-for children. */
export interface CpuTimes {
  readonly selfMs: number;
  readonly childrenMs: number;
}

/** Reads the CPU times of `pid` (`self` for this process); null when the process is gone. */
export function readCpuTimes(pid: number | 'self'): CpuTimes | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) may hold spaces and parentheses: fields are counted after its `)`.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const field = (n: number): number => Number(fields[n - 3] ?? 0);
  return { selfMs: (field(14) + field(15)) * TICK_MS, childrenMs: (field(16) + field(17)) * TICK_MS };
}
