import { notificationChannelSchema } from '@tmux-orc/config';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../__fixtures__/agent-views.js';
import type { AgentNotification } from './agent-notification.js';
import type { AbortableSleep } from './channel-sender.js';
import { composeMessage } from './notification-message.js';
import { startWebhookReceiver } from './__fixtures__/webhook-receiver.js';
import { createWebhookSender } from './webhook-sender.js';
import { systemTimers, systemWallClock } from '@tmux-orc/clock';
import { recordingRunner, view } from '../__fixtures__/agent-views.js';
import { createNotifier } from './create-notifier.js';

const sleep: AbortableSleep = (ms) => new Promise((done) => setTimeout(done, ms));
const note: AgentNotification = {
  agent: 'dev', agent_id: '%1', role: 'agent', session: 'web', window: 'Claude-dev', window_index: 1, pane: '%1', host: 'local',
  state: 'waiting_input', from: 'active', since: '2026-01-01T00:00:00.000Z', evidence: 'Do you want to proceed? <yes>', jump: "tmux switch-client -t 'web:1.0'", escalated: false, noted_at: '2026-01-01T00:00:30.000Z',
};
const message = composeMessage('hook', [note], Date.parse('2026-01-01T00:01:00Z'));
const secretPath = '/services/T000/B000/s3cr3t-t0ken?key=another-secret';
const webhook = (url: string, extra: Record<string, unknown> = {}) => {
  const channel = notificationChannelSchema.parse({ type: 'webhook', url, backoff: 0.01, ...extra });
  if (channel.type !== 'webhook') throw new Error(`Expected a webhook channel, got ${channel.type}`);
  return channel;
};

describe('webhook sender, against real HTTP servers on 127.0.0.1', () => {
  it('POSTs the versioned JSON shape with the configured headers', async () => {
    await using receiver = await startWebhookReceiver('ok');
    const outcome = await createWebhookSender(webhook(`${receiver.url}/in`, { headers: { authorization: 'Bearer x' } }), 'hook', memoryLogger(), sleep).send(message, new AbortController().signal);
    expect(outcome).toEqual({ delivered: true, retries: 0, fallback: false });
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]?.headers).toMatchObject({ 'content-type': 'application/json', authorization: 'Bearer x' });
    expect(JSON.parse(receiver.requests[0]?.body ?? '')).toEqual({
      version: 1, channel: 'hook', sent_at: '2026-01-01T00:01:00.000Z', rollup: false,
      title: 'tmux-orc: dev waiting for approval', text: `web:1 Claude-dev\n"Do you want to proceed? <yes>"\ntmux switch-client -t 'web:1.0'`, notifications: [note],
    });
  });

  it('POSTs Slack-compatible text and blocks, with mrkdwn escaped', async () => {
    await using receiver = await startWebhookReceiver('ok');
    await createWebhookSender(webhook(receiver.url, { format: 'slack' }), 'slack', memoryLogger(), sleep).send(message, new AbortController().signal);
    const body = JSON.parse(receiver.requests[0]?.body ?? '') as { text: string; blocks: { type: string; text: { type: string; text: string } }[] };
    expect(body.text).toContain('tmux-orc: dev waiting for approval');
    expect(body.blocks.map((b) => [b.type, b.text.type])).toEqual([['section', 'mrkdwn'], ['section', 'mrkdwn']]);
    expect(body.blocks[1]?.text.text).toContain('> Do you want to proceed? &lt;yes&gt;');
    expect(body.blocks[1]?.text.text).toContain("`tmux switch-client -t 'web:1.0'`");
  });

  it('retries a 500 with backoff, then drops it with a log line that never shows the token', async () => {
    await using receiver = await startWebhookReceiver('fail');
    const logger = memoryLogger();
    const outcome = await createWebhookSender(webhook(`${receiver.url}${secretPath}`, { retries: 2 }), 'team', logger, sleep).send(message, new AbortController().signal);
    expect(outcome).toEqual({ delivered: false, retries: 2, fallback: false });
    expect(receiver.requests.map((r) => r.path)).toEqual([secretPath, secretPath, secretPath]);
    expect(logger.lines).toEqual([`warn webhook notification dropped {"channel":"team","url":"${receiver.url}/…","attempts":3,"error":"HTTP 500","agents":1}`]);
    expect(logger.lines.join('\n')).not.toMatch(/s3cr3t|another-secret|T000/);
  });

  it('gives up on a receiver that hangs after its timeout, each attempt', async () => {
    await using receiver = await startWebhookReceiver('hang');
    const logger = memoryLogger();
    const outcome = await createWebhookSender(webhook(`${receiver.url}${secretPath}`, { retries: 1, timeout: 0.2 }), 'team', logger, sleep).send(message, new AbortController().signal);
    expect(outcome).toEqual({ delivered: false, retries: 1, fallback: false });
    expect(receiver.requests).toHaveLength(2);
    expect(logger.lines).toEqual([`warn webhook notification dropped {"channel":"team","url":"${receiver.url}/…","attempts":2,"error":"timed out after 0.2 s","agents":1}`]);
  });

  it('does not retry a 4xx other than 408 and 429: the request itself is wrong', async () => {
    await using receiver = await startWebhookReceiver(404);
    const logger = memoryLogger();
    const outcome = await createWebhookSender(webhook(receiver.url, { retries: 3 }), 'team', logger, sleep).send(message, new AbortController().signal);
    expect(outcome).toEqual({ delivered: false, retries: 0, fallback: false });
    expect(receiver.requests).toHaveLength(1);
    expect(logger.lines[0]).toContain('"error":"HTTP 404"');
  });

  it('drops at once when the monitor stops', async () => {
    const logger = memoryLogger();
    const stopped = new AbortController();
    stopped.abort();
    const outcome = await createWebhookSender(webhook('http://127.0.0.1:9/x'), 'team', logger, sleep).send(message, stopped.signal);
    expect(outcome).toEqual({ delivered: false, retries: 0, fallback: false });
    expect(logger.lines[0]).toContain('"error":"the monitor stopped"');
  });

  it('counts what the notifier dropped: retries spent on a 500, and a hanging delivery aborted when the monitor stops', async () => {
    await using failing = await startWebhookReceiver('fail');
    await using hanging = await startWebhookReceiver('hang');
    const notifier = createNotifier({
      channels: [webhook(failing.url, { name: 'failing', retries: 2, policy: { rollup_window: 0 } }), webhook(hanging.url, { name: 'hanging', timeout: 60, policy: { rollup_window: 0 } })],
      logger: memoryLogger(),
      clock: systemWallClock,
      timers: systemTimers,
      stopGraceMs: 300,
    });
    await notifier.observe([view({ id: '%1', name: 'dev', state: 'crashed', from: 'active' }, recordingRunner(() => []))]);
    const deadline = Date.now() + 20_000;
    while ((failing.requests.length < 3 || hanging.requests.length < 1) && Date.now() < deadline) await sleep(20, new AbortController().signal);
    await notifier.stop();
    expect(notifier.stats().map((s) => [s.channel, s.sent, s.dropped, s.retries])).toEqual([
      ['failing', 0, 1, 2],
      ['hanging', 0, 1, 0],
    ]);
  });
});
