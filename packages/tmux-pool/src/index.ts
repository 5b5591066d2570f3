// The public surface: what the other tmux-orc packages, the apps and users import. Everything else
// (quoting internals, the probe, the queue, the pool's parts) stays internal; exports.test.ts keeps it so.
export { TmuxPoolError, tmuxPoolErrorCodes, type TmuxPoolErrorCode } from './errors/tmux-pool-error.js';
export { TmuxAcquireTimeoutError } from './errors/tmux-acquire-timeout-error.js';
export { TmuxCommandError } from './errors/tmux-command-error.js';
export { TmuxConnectionClosedError } from './errors/tmux-connection-closed-error.js';
export { TmuxServerGoneError } from './errors/tmux-server-gone-error.js';
export { TmuxTimeoutError } from './errors/tmux-timeout-error.js';
export { type TmuxServer, describeHost, describeServer, serverArgs } from './server.js';
export type { SshTarget } from './ssh-target.js';
export { escapeFormat, escapeMessage } from './quote.js';
export type { RunOptions, TmuxRunner } from './runner.js';
export { type Logger, silentLogger } from './logger.js';
export type { ControlNotification } from './control-protocol.js';
export { ControlModeConnection } from './control-mode-connection.js';
export type { ControlModeConnectionOptions } from './control-mode-options.js';
export { ExecConnection, type ExecConnectionOptions } from './exec-connection.js';
export { TmuxConnectionPool, createTmuxConnectionPool } from './pool.js';
export { CaptureReplay, type OrderedRunner } from './capture-replay.js';
export type { TmuxConnectionPoolOptions } from './pool-options.js';
export { type ExecReason, type PoolMetrics, sumPoolMetrics } from './pool-metrics.js';
export type { PaneInfo } from './pane-info.js';
export { type ListPanesOptions, listPanes } from './list-panes.js';
export { PaneLister, type PaneListerOptions } from './pane-lister.js';
export { EventPaneLister } from './event-pane-lister.js';
export { type EventPaneListerOptions, type EventPaneListerStats, type PaneChange, defaultFullListingMs } from './event-pane-lister-options.js';
export { type CapturePanesOptions, capturePanes } from './capture-panes.js';
export { sendText } from './send-text.js';
