/** The logger this package writes to; pass your own (pino, console, …) to see pool events. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const ignore = (): void => {};

/** A logger that drops everything: the default. */
export const silentLogger: Logger = { debug: ignore, info: ignore, warn: ignore, error: ignore };
