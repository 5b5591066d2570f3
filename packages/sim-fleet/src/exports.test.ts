import { expect, it } from 'vitest';

// The sandbox and the simulated agent (`.`), and the vitest bindings (`./vitest`, vitest an optional peer).
it('exports exactly its public runtime surface', async () => {
  expect(Object.keys(await import('./index.js')).sort()).toEqual([
    'SimFleetError',
    'createSshHost',
    'createTmuxSandbox',
    'descendantsOf',
    'listProcesses',
    'liveSandboxSocketNames',
    'shellQuote',
    'simAgentCommand',
    'simAgentPath',
    'simAgentProcessName',
    'simAgentScreensDir',
    'simFleetErrorCodes',
    'startDelayProxy',
    'tmuxClientEnv',
  ]);
  expect(Object.keys(await import('./vitest/index.js')).sort()).toEqual(['useSuiteSshHost', 'useSuiteTmuxSandbox', 'useTmuxSandbox']);
});
