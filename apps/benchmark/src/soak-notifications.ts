import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The policy the soak gives its webhook channel (seconds, except `max`). */
export interface SoakNotifyPolicy {
  readonly cooldown: number;
  readonly rollup: number;
  readonly max: number;
  readonly window: number;
  readonly escalateAfter: number;
}

/** One agent notification as the receiver got it. */
interface Received {
  readonly agentId: string;
  readonly state: string;
  readonly escalated: boolean;
  /** When the daemon sent the message (its `sent_at`): what the budget counts. */
  readonly sentAt: number;
  readonly receivedAt: number;
}

/** A webhook receiver on 127.0.0.1 whose URL carries a secret token, counting what the daemon sends. */
export interface SoakReceiver {
  readonly url: string;
  /** The token in the URL's path: it must never show up in the daemon's logs. */
  readonly token: string;
  readonly messages: () => number;
  readonly received: readonly Received[];
  close(): Promise<void>;
}

/** Starts the receiver. Every 10th request gets a 500, so the daemon's retries are exercised too. */
export async function startSoakReceiver(): Promise<SoakReceiver> {
  const token = randomBytes(12).toString('hex');
  const received: Received[] = [];
  let requests = 0;
  let messages = 0;
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      requests += 1;
      if (requests % 10 === 0) return void response.writeHead(500).end();
      messages += 1;
      const message = JSON.parse(body) as { sent_at: string; notifications: { agent_id: string; state: string; escalated: boolean }[] };
      for (const n of message.notifications) received.push({ agentId: n.agent_id, state: n.state, escalated: n.escalated, sentAt: Date.parse(message.sent_at), receivedAt: Date.now() });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/${token}`,
    token,
    messages: () => messages,
    received,
    close: () => new Promise((closed) => server.close(() => closed())),
  };
}

/** The YAML of the soak's channel. */
export function soakChannelYaml(url: string, policy: SoakNotifyPolicy): string {
  return `  channels:\n    - { type: webhook, name: soak, url: "${url}", retries: 2, backoff: 0.2, timeout: 5, filter: { states: [waiting_input, error] }, policy: { cooldown: ${policy.cooldown}, rollup_window: ${policy.rollup}, max_per_agent: ${policy.max}, max_per_agent_window: ${policy.window}, escalate_after: ${policy.escalateAfter} } }\n`;
}

/** The most timestamps within any window of `windowMs` (sliding, starting at each timestamp). */
function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while ((sorted[j] ?? Infinity) < (sorted[i] ?? 0) + windowMs) j += 1;
    best = Math.max(best, j - i);
  }
  return best;
}

/** What the soak reports about notifications: totals and the worst agent in any window. */
export function notificationFigures(receiver: SoakReceiver, policy: SoakNotifyPolicy, transitionsIntoNotified: number) {
  const byAgent = new Map<string, Received[]>();
  for (const r of receiver.received) byAgent.set(r.agentId, [...(byAgent.get(r.agentId) ?? []), r]);
  const windowMs = policy.window * 1000;
  const sent = [...byAgent.values()].map((list) => maxInWindow(list.map((r) => r.sentAt), windowMs));
  const arrived = [...byAgent.values()].map((list) => maxInWindow(list.map((r) => r.receivedAt), windowMs));
  return {
    policy,
    transitions_into_notified_states: transitionsIntoNotified,
    webhook_messages: receiver.messages(),
    agent_notifications: receiver.received.length,
    escalations: receiver.received.filter((r) => r.escalated).length,
    agents_notified: byAgent.size,
    /** By the daemon's send time: what `max_per_agent` bounds. */
    max_per_agent_per_window_sent: Math.max(0, ...sent),
    /** By arrival: a retried message arrives later, so this may exceed the bound by the retries' delay. */
    max_per_agent_per_window_received: Math.max(0, ...arrived),
  };
}
