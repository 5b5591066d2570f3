import { readFileSync, readdirSync } from 'node:fs';

/** One running process as /proc shows it. */
export interface ProcessEntry {
  readonly pid: number;
  readonly ppid: number;
  /** argv, as the process sees it now. */
  readonly argv: string[];
}

function readEntry(pid: number): ProcessEntry | undefined {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (rest[0] === 'Z') return undefined;
    const argv = readFileSync(`/proc/${String(pid)}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return { pid, ppid: Number(rest[1]), argv };
  } catch {
    // It exited while we looked.
    return undefined;
  }
}

/** Every live (non-zombie) process of this machine, from /proc (Linux only). */
export function listProcesses(): ProcessEntry[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => readEntry(Number(name)) ?? []);
}

/** The processes descended from `rootPid` (not itself), children before grandchildren. */
export function descendantsOf(rootPid: number, table: readonly ProcessEntry[] = listProcesses()): ProcessEntry[] {
  const found: ProcessEntry[] = [];
  const parents = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const entry of table) {
      if (parents.has(entry.ppid) && !parents.has(entry.pid)) {
        parents.add(entry.pid);
        found.push(entry);
        grew = true;
      }
    }
  }
  return found;
}
