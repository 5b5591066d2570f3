import { expect, it } from 'vitest';

// The sandbox and the simulated agent (`.`), and the vitest bindings (`./vitest`, vitest an optional peer).
it('exports exactly its public runtime surface', async () => {
  expect(Object.keys(await import('./index.js')).sort()).toEqual([
    'SimFleetError',
    'createTmuxSandbox',
    'liveSandboxSocketNames',
    'shellQuote',
    'simAgentCommand',
    'simAgentPath',
    'simAgentProcessName',
    'simAgentScreensDir',
    'simFleetErrorCodes',
    'tmuxClientEnv',
  ]);
  expect(Object.keys(await import('./vitest/index.js')).sort()).toEqual(['useSuiteTmuxSandbox', 'useTmuxSandbox']);
});
