/** Codes of {@link DashboardError}. */
export const dashboardErrorCodes = ['SOURCE_UNREACHABLE', 'PAGE_MISSING'] as const;

/** One of {@link dashboardErrorCodes}. */
export type DashboardErrorCode = (typeof dashboardErrorCodes)[number];

/** What `tmux-orc dashboard` cannot do: reach its source, or find its built page. */
export class DashboardError extends Error {
  readonly code: DashboardErrorCode;

  constructor(code: DashboardErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DashboardError';
    this.code = code;
  }
}
