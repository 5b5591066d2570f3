import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { capturePanes } from './__fixtures__/capture-panes.js';
import { tempDir } from './__fixtures__/temp-dir.js';
import { simAgentCommand } from './sim-agent.js';
import { createTmuxSandbox } from './tmux-sandbox.js';

function screensForAgents(count: number): string {
  const dir = tempDir('tmux-orc-screens-');
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `agent-${String(i)}.txt`), `agent ${String(i)} ready\n> _\n`);
  return dir;
}

describe('spawnAgents', () => {
  test('creates 1000 sim agents, each pane showing its own screen', async () => {
    await using sandbox = await createTmuxSandbox({ width: 40, height: 5 });
    const screensDir = screensForAgents(1000);

    const agents = await sandbox.spawnAgents(1000, {
      windowsPerSession: 100,
      command: (i) => simAgentCommand({ screensDir, screen: `agent-${String(i)}` }),
    });

    expect(agents.map((agent) => agent.index)).toEqual([...Array(1000).keys()]);
    expect(new Set(agents.map((agent) => agent.paneId)).size).toBe(1000);
    expect(agents[0]?.target).toBe('agents-0:0');
    expect(agents[999]?.target).toBe('agents-9:99');
    const panes = (await sandbox.tmux('list-panes', '-a', '-F', '#{session_name} #{window_name}')).split('\n');
    expect(panes).toHaveLength(1001); // + the sandbox's own session
    expect(panes).toContain('agents-3 agent-300');

    await expect
      .poll(
        async () => {
          const screens = await capturePanes(sandbox, agents.map((agent) => agent.paneId));
          return agents.filter((agent) => screens.get(agent.paneId)?.trimEnd() !== `agent ${String(agent.index)} ready\n> _`).length;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(0);
  }, 60_000);

  test('adds to an existing session, with names, env, cwd and remain-on-exit', async () => {
    await using sandbox = await createTmuxSandbox();
    await sandbox.newSession('team', { window: 'pm', command: 'exec cat' });
    const dir = tempDir('tmux-orc-cwd-');

    const agents = await sandbox.spawnAgents(3, {
      session: 'team',
      windowName: (i) => `Claude-${String(i)}`,
      env: { ROLE: 'developer' },
      cwd: dir,
      remainOnExit: true,
      command: (i) => `printf "%s %s\\n" "$ROLE" "$PWD"; sleep 0.3; exit ${String(10 + i)}`,
    });

    expect(agents.map((agent) => agent.target)).toEqual(['team:1', 'team:2', 'team:3']);
    await expect
      .poll(() => sandbox.tmux('list-panes', '-s', '-t', 'team', '-F', '#{window_name} #{pane_dead}'), { timeout: 5000 })
      .toBe('pm 0\nClaude-0 1\nClaude-1 1\nClaude-2 1');
    // Not asserted here: pane_dead_status. When several panes exit together, tmux 3.3a here
    // sometimes never reaps them (zombies: pane_dead 1, empty pane_dead_status; ~1 fresh server
    // in 6-12, from Node or bash alike). One exiting pane is reliable: see sim-agent.test.ts.
    // tmux scrolls a dead pane's screen up one line to print "Pane is dead", so read the history too.
    expect(await sandbox.tmux('capture-pane', '-p', '-S', '-', '-t', agents[1]?.paneId ?? '')).toContain(`developer ${dir}`);
  });

  test('spreads agents over sessions of windowsPerSession windows', async () => {
    await using sandbox = await createTmuxSandbox();
    const agents = await sandbox.spawnAgents(5, { session: 'crew', windowsPerSession: 2, batchSize: 2, command: () => 'exec cat' });
    expect(agents.map((agent) => agent.target)).toEqual(['crew-0:0', 'crew-0:1', 'crew-1:0', 'crew-1:1', 'crew-2:0']);
  });

  test('rejects a bad count or windowsPerSession, naming it', async () => {
    await using sandbox = await createTmuxSandbox();
    await expect(sandbox.spawnAgents(-1, { command: () => 'cat' })).rejects.toThrow('Expected `count` to be a non-negative integer, got `-1`');
    await expect(sandbox.spawnAgents(2, { windowsPerSession: 0, command: () => 'cat' })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    expect(await sandbox.spawnAgents(0, { command: () => 'cat' })).toEqual([]);
  });
});
