import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { TmuxSandbox } from '../tmux-sandbox.js';
import { serverAnswers } from '../__fixtures__/server-answers.js';
import { liveSandboxSocketNames } from '../live-sandboxes.js';
import { useSuiteTmuxSandbox, useTmuxSandbox } from './use-tmux-sandbox.js';

let suiteSocket = '';

describe('useSuiteTmuxSandbox', () => {
  const sandbox = useSuiteTmuxSandbox({ width: 100 });

  test('gives every test of the suite the same live sandbox', async () => {
    suiteSocket = sandbox().socketName;
    await sandbox().newSession('shared');
    expect(serverAnswers(suiteSocket)).toBe(true);
  });

  test('still the same one in the next test', async () => {
    expect(sandbox().socketName).toBe(suiteSocket);
    expect(await sandbox().tmux('has-session', '-t', '=shared')).toBe('');
  });
});

describe('after the suite', () => {
  test('its sandbox was killed by afterAll', () => {
    expect(suiteSocket).not.toBe('');
    expect(serverAnswers(suiteSocket)).toBe(false);
    expect(liveSandboxSocketNames()).not.toContain(suiteSocket);
  });
});

describe('useTmuxSandbox outside a test', () => {
  let error: unknown;
  beforeAll(async () => {
    error = await useTmuxSandbox().catch((caught: unknown) => caught);
  });

  test('is refused, and the sandbox it started is killed at once', () => {
    expect(error).toMatchObject({ code: 'NOT_IN_TEST' });
    expect(String(error)).toContain('useSuiteTmuxSandbox()');
    expect(liveSandboxSocketNames()).toEqual([]);
  });
});

describe('useTmuxSandbox in beforeEach', () => {
  let sandbox: TmuxSandbox;
  const seen: string[] = [];
  beforeEach(async () => {
    sandbox = await useTmuxSandbox();
  });

  test('each test gets a live sandbox', () => {
    seen.push(sandbox.socketName);
    expect(serverAnswers(sandbox.socketName)).toBe(true);
  });

  test('a new one, and the previous test\'s sandbox is gone', () => {
    expect(seen).toHaveLength(1);
    expect(sandbox.socketName).not.toBe(seen[0]);
    expect(serverAnswers(seen[0] ?? '')).toBe(false);
  });
});
