import { spawn } from 'node:child_process';

/** A real tmux client attached in a pseudo-terminal (`script`), as a person's terminal would be. */
export interface AttachedTerminal extends AsyncDisposable {
  /** Everything the client has drawn so far (escape sequences included). */
  output(): string;
  /** Resolves when the drawn output matches, or rejects after `timeoutMs`. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

const quote = (text: string): string => `'${text.replace(/'/g, "'\\''")}'`;

/**
 * Attaches a real client to `target` on the `-L socketName` server, inside `script -qfc` (util-linux)
 * which gives it a pty; waits until tmux lists it. Disposing kills the whole process group.
 */
export async function attachTerminal(socketName: string, target: string, tmuxCommand: (...args: string[]) => Promise<string>): Promise<AttachedTerminal> {
  // A wide UTF-8 terminal, so a whole status-line message (with its `·`) is drawn as sent.
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
  delete env['TMUX'];
  const child = spawn('script', ['-qfc', `stty cols 200 rows 40; exec tmux -L ${quote(socketName)} attach-session -t ${quote(target)}`, '/dev/null'], { detached: true, stdio: ['pipe', 'pipe', 'ignore'], env });
  let drawn = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (drawn += chunk));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const kill = async (): Promise<void> => {
    try {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await exited;
  };
  const waitFor = async (test: () => boolean | Promise<boolean>, what: string, timeoutMs: number): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!(await test())) {
      if (Date.now() > deadline) throw new Error(`Expected ${what} within ${timeoutMs} ms, got none; drawn so far: ${JSON.stringify(drawn.slice(-300))}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  try {
    await waitFor(async () => (await tmuxCommand('list-clients', '-F', '#{client_control_mode}')).split('\n').includes('0'), 'an attached client', 20_000);
  } catch (error) {
    await kill();
    throw error;
  }
  return {
    output: () => drawn,
    waitForOutput: (pattern, timeoutMs = 20_000) => waitFor(() => pattern.test(drawn), `output matching ${pattern}`, timeoutMs),
    [Symbol.asyncDispose]: kill,
  };
}
