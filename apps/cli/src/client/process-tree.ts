import { readdir, readFile, readlink } from 'node:fs/promises';

/** One process as /proc shows it. */
export interface ProcessEntry {
  readonly pid: number;
  readonly ppid: number;
  /** The resolved executable (`/proc/<pid>/exe`), null when unreadable. */
  readonly exe: string | null;
  readonly argv: readonly string[];
}

async function readEntry(pid: number): Promise<ProcessEntry | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: fields resume after the last `)`.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').filter((arg) => arg !== '');
    const exe = await readlink(`/proc/${pid}/exe`).catch(() => null);
    return { pid, ppid, exe, argv };
  } catch {
    return null; // ended while being read, or not ours to read
  }
}

/** Every process of this machine (Linux /proc), or an empty list where /proc is missing. */
export async function readProcessTable(): Promise<ProcessEntry[]> {
  const names = await readdir('/proc').catch(() => []);
  const entries = await Promise.all(names.filter((name) => /^\d+$/u.test(name)).map((name) => readEntry(Number(name))));
  return entries.filter((entry): entry is ProcessEntry => entry !== null);
}

/** `root` and its descendants, breadth first (the pane's shell, then what it started, …). */
export function descendants(table: readonly ProcessEntry[], root: number): ProcessEntry[] {
  const found: ProcessEntry[] = [];
  let level = table.filter((entry) => entry.pid === root);
  while (level.length > 0) {
    found.push(...level);
    const pids = new Set(level.map((entry) => entry.pid));
    level = table.filter((entry) => pids.has(entry.ppid) && !found.includes(entry));
  }
  return found;
}
