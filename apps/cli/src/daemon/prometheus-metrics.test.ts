import type { MonitorStatus } from '@tmux-orc/monitor';
import { describe, expect, it } from 'vitest';
import { renderPrometheusMetrics } from './prometheus-metrics.js';

const status = {
  base_status: { is_running: true, active_agents: 1, idle_agents: 1, cycle_count: 7, last_cycle_time: 12, errors_detected: 0 },
  current_strategy: 'polling',
  fallback: null,
  connection_pool: null,
  cache_performance: {},
  skipped_cycles: 0,
  hooks: { running: 2, queued: 5, dropped: 3 },
  notifications: [{ channel: 'team', type: 'webhook', sent: 4, dropped: 2, retries: 6, fallbacks: 0, suppressed: { cooldown: 7, budget: 1, quiet: 3 }, pending: 2 }],
  held_reports: [{ session: 'team', pm: '%0', reason: 'a shell (bash) runs in the PM pane', text: '[tmux-orc] …', since: '2026-11-30T06:00:00.000Z' }],
  last_cycle_at: null,
  servers: [{ server: '-S /tmp/a "b"', host: null, up: true, error: null, consecutive_failures: 0, transport: 'exec', fallback_reason: null }],
  agents: [{ state: 'idle' }, { state: 'idle' }, { state: 'active' }],
} as unknown as MonitorStatus;

describe('renderPrometheusMetrics', () => {
  it('writes HELP/TYPE, every state (zeros included) and escaped labels', () => {
    const text = renderPrometheusMetrics(status, { count: 7, last_ms: 12, mean_ms: 12, p50_ms: 12, p95_ms: 20, max_ms: 20, recent_ms: [] });
    expect(text).toMatch(/^# HELP tmux_orc_cycles_total .+\n# TYPE tmux_orc_cycles_total counter\ntmux_orc_cycles_total 7$/m);
    expect(text).toMatch(/^tmux_orc_cycle_duration_seconds 0\.012$/m);
    expect(text).toMatch(/^tmux_orc_agents\{state="idle"\} 2$/m);
    expect(text).toMatch(/^tmux_orc_agents\{state="crashed"\} 0$/m);
    expect(text).toContain('tmux_orc_server_up{server="-S /tmp/a \\"b\\"",host="",transport="exec"} 1');
    expect(text).not.toMatch(/tmux_orc_pool_/);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('counts hooks (running, queued, dropped), held reports and event-stream clients (connected, dropped)', () => {
    const text = renderPrometheusMetrics(status, { count: 7, last_ms: 12, mean_ms: 12, p50_ms: 12, p95_ms: 20, max_ms: 20, recent_ms: [] }, { eventClients: 4, eventClientsDropped: 200 });
    expect(text).toMatch(/^# TYPE tmux_orc_hooks_dropped_total counter\ntmux_orc_hooks_dropped_total 3$/m);
    expect(text).toMatch(/^tmux_orc_hooks_running 2$/m);
    expect(text).toMatch(/^tmux_orc_hooks_queued 5$/m);
    expect(text).toMatch(/^# TYPE tmux_orc_reports_held gauge\ntmux_orc_reports_held 1$/m);
    expect(text).toMatch(/^tmux_orc_events_clients 4$/m);
    expect(text).toMatch(/^# TYPE tmux_orc_events_clients_dropped_total counter\ntmux_orc_events_clients_dropped_total 200$/m);
  });

  it('counts each notification channel: sent, dropped (a drop is a metric, not only a log line), suppressed by reason, retries, pending', () => {
    const text = renderPrometheusMetrics(status, { count: 7, last_ms: 12, mean_ms: 12, p50_ms: 12, p95_ms: 20, max_ms: 20, recent_ms: [] });
    expect(text).toContain('tmux_orc_notifications_total{channel="team",type="webhook",outcome="sent"} 4');
    expect(text).toContain('tmux_orc_notifications_total{channel="team",type="webhook",outcome="dropped"} 2');
    expect(text).toContain('tmux_orc_notifications_suppressed_total{channel="team",reason="quiet"} 3');
    expect(text).toContain('tmux_orc_notifications_suppressed_total{channel="team",reason="budget"} 1');
    expect(text).toMatch(/^tmux_orc_notification_retries_total\{channel="team"\} 6$/m);
    expect(text).toMatch(/^tmux_orc_notifications_pending\{channel="team"\} 2$/m);
  });
});
