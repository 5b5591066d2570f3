import { describe, expect, it } from 'vitest';
import { actionContext, memoryLogger, recordingRunner, view } from './__fixtures__/agent-views.js';
import { createActionPipeline } from './action-pipeline.js';

const pipeline = () => createActionPipeline({ runHook: async () => undefined, logger: memoryLogger(), restartGraceMs: 30_000, hookConcurrency: 4 });

describe('action pipeline', () => {
  it('runs its stages in the documented order', () => {
    expect(pipeline().stages.map((stage) => stage.name)).toEqual([
      'hooks',
      'notify',
      'restart-crashed',
      'resubmit-queued',
      'alerts',
      'collect-reports',
      'rate-limit-pauses',
      'flush-reports',
    ]);
  });

  it('tells the PM that an agent became rate limited before its pause silences it', async () => {
    const pmRunner = recordingRunner();
    const ctx = actionContext();
    const actions = pipeline();
    const pm = view({ id: '%0', name: 'pm', role: 'pm', state: 'idle' }, pmRunner);
    const limited = view({ id: '%1', name: 'dev', state: 'rate_limited', from: 'active', detail: { message: 'usage limit' } }, recordingRunner());
    const first = await actions.run([pm, limited], [], ctx);
    expect(first.reports.map((r) => r.text)).toEqual(['[tmux-orc] dev (s:1) rate_limited: "usage limit"']);
    expect(ctx.state.pausedUntil['%1']).toBeGreaterThan(0);

  });

  it('starts a hook per matching transition and waits for them on hooksSettled', async () => {
    const ran: string[] = [];
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (finish = resolve));
    const actions = createActionPipeline({
      runHook: async (command) => {
        ran.push(command);
        await done;
      },
      logger: memoryLogger(),
      restartGraceMs: 30_000,
      hookConcurrency: 4,
    });
    const ctx = actionContext((c) => ({ ...c, notifications: { ...c.notifications, pm_enabled: false, hooks: [{ to: 'idle', command: 'echo idle' }] } }));
    await actions.run([view({ id: '%1', name: 'dev', state: 'idle', from: 'active' }, recordingRunner()), view({ id: '%2', name: 'qa', state: 'idle' }, recordingRunner())], [], ctx);
    expect(ran).toEqual(['echo idle']);
    let settled = false;
    const settling = actions.hooksSettled().then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
    finish();
    await settling;
    expect(settled).toBe(true);
  });

  it('tells the PM of every restart of a crash-looping agent, not only the first (the crashed cooldown does not swallow them)', async () => {
    const pmRunner = recordingRunner();
    const shellRunner = recordingRunner((args) => (args.some((a) => a.startsWith('#{pane_dead}')) ? ['0\u001fbash\u001f'] : []));
    const ctx = actionContext((c) => ({ ...c, recovery: { ...c.recovery, restart_crashed: true, max_attempts_per_hour: 3, start_commands: { 'claude-code': 'claude' } } }));
    const actions = pipeline();
    const pm = view({ id: '%0', name: 'pm', role: 'pm', state: 'idle' }, pmRunner);
    const texts: string[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      ctx.clock.set(attempt * 31_000);
      const crashed = view({ id: '%1', name: 'dev', state: 'crashed', from: attempt === 0 ? 'active' : undefined }, shellRunner);
      texts.push(...(await actions.run([pm, crashed], [], ctx)).reports.map((r) => r.text));
    }
    expect(texts).toEqual([
      '[tmux-orc] dev (s:1) crashed, restarted (1/3 this hour)',
      '[tmux-orc] dev (s:1) crashed, restarted (2/3 this hour)',
      '[tmux-orc] dev (s:1) crashed, restarted (3/3 this hour)',
      '[tmux-orc] dev (s:1) crashed, not restarted: 3 restarts in the last hour (max 3)',
    ]);
  });
});

