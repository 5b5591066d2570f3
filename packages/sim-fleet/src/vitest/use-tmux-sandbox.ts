import { afterAll, beforeAll, onTestFinished } from 'vitest';
import { SimFleetError } from '../sim-fleet-error.js';
import { type TmuxSandbox, type TmuxSandboxOptions, createTmuxSandbox } from '../tmux-sandbox.js';

/**
 * Inside a test (or a `beforeEach` hook): creates a sandbox that vitest kills with
 * `onTestFinished`, which runs whether the test passes, fails or times out.
 *
 * For one sandbox shared by a whole suite use {@link useSuiteTmuxSandbox}. The process-level
 * safety net (exit, signals, watchdog) stays armed either way.
 */
export async function useTmuxSandbox(opts?: TmuxSandboxOptions): Promise<TmuxSandbox> {
  const sandbox = await createTmuxSandbox(opts);
  try {
    onTestFinished(() => sandbox.kill());
  } catch (error) {
    await sandbox.kill();
    throw new SimFleetError(
      'NOT_IN_TEST',
      'Expected useTmuxSandbox() to be called inside a test or a beforeEach hook, got a call outside any test; use useSuiteTmuxSandbox() in a describe body for a shared sandbox',
      { cause: error },
    );
  }
  return sandbox;
}

/**
 * In a `describe` body (or at file level): registers `beforeAll` to create a sandbox and
 * `afterAll` to kill it; returns the accessor of that sandbox for the suite's tests.
 */
export function useSuiteTmuxSandbox(opts?: TmuxSandboxOptions): () => TmuxSandbox {
  let sandbox: TmuxSandbox | undefined;
  beforeAll(async () => {
    sandbox = await createTmuxSandbox(opts);
  });
  afterAll(async () => {
    await sandbox?.kill();
  });
  return () => {
    if (sandbox === undefined) {
      throw new SimFleetError('NOT_IN_TEST', 'Expected the suite sandbox to be used inside a test of its suite, got a use before its beforeAll hook ran');
    }
    return sandbox;
  };
}
