export { createMonitor } from './create-monitor.js';
export type { CycleResult, Monitor, MonitorClocks, MonitorDeps, MonitorEvent, MonitorPool } from './monitor-api.js';
export type { AgentStatus, MonitorStatus, ServerStatus } from './monitor-status.js';
export type { AgentExplanation, SignalAge } from './explain-agent.js';
export type { AgentTransition } from './agent-state-tracker.js';
export type { HeldReport, SentReport } from './actions/pm-reports.js';
export type { HookCommandRunner, HookEvent } from './actions/run-hooks.js';
export { configuredServers, formatAgentId, toTmuxServer } from './server-identity.js';
export { MonitorError, monitorErrorCodes, type MonitorErrorCode } from './monitor-error.js';
