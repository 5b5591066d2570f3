import { fileURLToPath } from 'node:url';
import { createDefaultConfig, type Config } from '@tmux-orc/config';
import { useTmuxSandbox } from '@tmux-orc/testkit';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createMonitor } from './create-monitor.js';
import { MonitorError } from './monitor-error.js';

const plugin = fileURLToPath(new URL('./__fixtures__/detectors/mycli-detector.mjs', import.meta.url));
/** A CLI no built-in detector knows: it draws its screen, then waits (the pane's command is `sleep`). */
const mycli = `printf 'MYCLI 1.0\\n\\nAllow? (y/n) run npm test\\n'; exec sleep 600`;

function configWith(socketName: string, detectors: Config['detectors']): Config {
  const base = createDefaultConfig('/nonexistent-tmux-orc-home');
  return { ...base, servers: [{ socket_name: socketName }], detectors };
}

async function stateOf(config: Config): Promise<{ state: string; detector: string; evidence: readonly string[] } | undefined> {
  const monitor = createMonitor(config);
  onTestFinished(() => monitor.stop());
  const { status } = await monitor.runCycle();
  return status.agents.find((agent) => agent.window === 'Claude-mycli');
}

describe('detector plugins from config, on real tmux', () => {
  it('classifies a CLI no built-in knows through the plugin config names, and without it says unknown', async () => {
    const sandbox = await useTmuxSandbox({ width: 80, height: 24 });
    const { paneId } = await sandbox.newSession('team', { window: 'Claude-mycli', command: mycli });
    await sandbox.waitForScreen(paneId, /Allow\?/);

    expect(await stateOf(configWith(sandbox.socketName, [{ name: plugin, options: { signature: 'MYCLI' } }]))).toMatchObject({
      state: 'waiting_input',
      detector: 'mycli',
      evidence: ['Allow? (y/n) run npm test'],
    });
    expect(await stateOf(configWith(sandbox.socketName, []))).toMatchObject({ state: 'unknown' });
  }, 30_000);

  it('explains an agent with the plugin that reads it', async () => {
    const sandbox = await useTmuxSandbox({ width: 80, height: 24 });
    const { paneId } = await sandbox.newSession('team', { window: 'Claude-mycli', command: mycli });
    await sandbox.waitForScreen(paneId, /Allow\?/);
    const monitor = createMonitor(configWith(sandbox.socketName, [{ name: plugin, options: { signature: 'MYCLI' } }]));
    onTestFinished(() => monitor.stop());
    await monitor.runCycle();
    const explained = await monitor.explain('Claude-mycli');
    expect(explained.screen).toMatchObject({ detector: { id: 'mycli' }, classification: { state: 'waiting_input' } });
  }, 30_000);

  it('fails the cycle naming the entry when a plugin cannot load', async () => {
    const monitor = createMonitor(configWith('tmux-orc-test-never-started', [{ name: plugin, options: { signatur: 'x' } }]));
    onTestFinished(() => monitor.stop());
    const error: unknown = await monitor.runCycle().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MonitorError);
    expect(error).toMatchObject({
      code: 'DETECTORS_UNAVAILABLE',
      message: 'Expected to load the detector plugins of `detectors`, got: detectors[0].options: Expected only `signature` for detector `mycli`, got unknown option `signatur`',
    });
  });
});
