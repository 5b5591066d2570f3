import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isProcessRunning } from '../process-running.js';
import { type SshHost, createSshHost } from './ssh-host.js';

function sshArgs(host: SshHost, command: string): string[] {
  const options = Object.entries(host.ssh.options).flatMap(([key, value]) => ['-o', `${key}=${value}`]);
  return ['-T', '-o', 'BatchMode=yes', '-p', String(host.ssh.port), '-i', host.ssh.identityFile, ...options, '--', host.ssh.host, command];
}

describe('createSshHost', () => {
  let host: SshHost;
  beforeAll(async () => {
    host = await createSshHost();
  }, 30_000);
  afterAll(() => host.stop());

  test('serves its tmux sandbox over real OpenSSH with host key checking on', async () => {
    expect(host.address).toMatch(/^127\.0\.0\.\d+$/);
    const listed = await execa('ssh', sshArgs(host, `tmux -L ${host.sandbox.socketName} list-sessions -F '#{session_name}'`), { stdin: 'ignore' });
    expect(listed.stdout.trim()).toBe(host.sandbox.defaultSession);
  });

  test('refuses a client whose known_hosts lacks the host key (no prompt, BatchMode)', async () => {
    const args = sshArgs(host, 'true').map((arg) => (arg === `UserKnownHostsFile=${host.knownHostsFile}` ? 'UserKnownHostsFile=/dev/null' : arg));
    const refused = await execa('ssh', args, { stdin: 'ignore', reject: false });
    expect(refused.exitCode).toBe(255);
    expect(refused.stderr).toMatch(/Host key verification failed|No .* host key is known/);
  });

  test('killSshd cuts open sessions and refuses new ones; restartSshd serves again', async () => {
    const session = execa('ssh', sshArgs(host, 'sleep 97.531'), { stdin: 'ignore', reject: false });
    await expect.poll(() => host.processesMentioning('sleep 97.531').length, { timeout: 10_000 }).toBeGreaterThan(1);
    await host.killSshd();
    expect(host.sshdRunning).toBe(false);
    expect((await session).exitCode).toBe(255);
    // The remote `sleep` died with its session: nothing of the host's sessions is left.
    expect(host.processesMentioning('sleep 97.531').filter((entry) => isProcessRunning(entry.pid))).toEqual([]);
    const refused = await execa('ssh', sshArgs(host, 'true'), { stdin: 'ignore', reject: false });
    expect(refused.stderr).toMatch(/Connection refused/);
    await host.restartSshd();
    expect((await execa('ssh', sshArgs(host, 'echo back'), { stdin: 'ignore' })).stdout).toBe('back');
  }, 30_000);
});

test('stop() ends sshd and the sandbox', async () => {
  const host = await createSshHost();
  const socket = host.sandbox.socketName;
  await host.stop();
  expect(host.sshdRunning).toBe(false);
  const listed = await execa('tmux', ['-L', socket, 'list-sessions'], { reject: false });
  expect(listed.exitCode).not.toBe(0);
  const refused = await execa('ssh', sshArgs(host, 'true'), { stdin: 'ignore', reject: false });
  expect(refused.exitCode).toBe(255);
}, 30_000);
