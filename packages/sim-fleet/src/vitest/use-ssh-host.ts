import { afterAll, beforeAll } from 'vitest';
import { SimFleetError } from '../sim-fleet-error.js';
import { type SshHost, type SshHostOptions, createSshHost } from '../ssh-host/ssh-host.js';

/**
 * In a `describe` body (or at file level): `beforeAll` starts a real-sshd test host (see
 * `createSshHost`), `afterAll` stops it; returns the accessor of that host for the suite's tests.
 */
export function useSuiteSshHost(opts?: SshHostOptions): () => SshHost {
  let host: SshHost | undefined;
  beforeAll(async () => {
    host = await createSshHost(opts);
  }, 60_000);
  afterAll(async () => {
    await host?.stop();
  });
  return () => {
    if (host === undefined) throw new SimFleetError('NOT_IN_TEST', 'Expected the suite SSH host to be used inside a test of its suite, got a use before its beforeAll hook ran');
    return host;
  };
}
