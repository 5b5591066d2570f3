/**
 * Codes a {@link ConfigError} can carry: `CONFIG_INVALID`, one or more problems in the configuration
 * layers (files, environment, flags); `CONFIG_FILE_EXISTS`, `writeInitialConfig` refused to
 * overwrite an existing file.
 */
export const configErrorCodes = ['CONFIG_INVALID', 'CONFIG_FILE_EXISTS'] as const;

/** One of {@link configErrorCodes}. */
export type ConfigErrorCode = (typeof configErrorCodes)[number];

/** What kind of mistake a {@link ConfigProblem} describes. */
export type ConfigProblemKind =
  | 'yaml_syntax'
  | 'unreadable_file'
  | 'file_too_large'
  | 'unknown_key'
  | 'invalid_value'
  | 'invalid_env'
  | 'more_problems';

/**
 * The most problems a {@link ConfigError} lists; the rest are counted in one last `more_problems`
 * entry, so a file with 50 000 bad keys gives a readable error, not megabytes of it.
 */
export const maxListedProblems = 100;

/** One thing wrong with the configuration, located as precisely as its source allows. */
export interface ConfigProblem {
  readonly kind: ConfigProblemKind;
  /** Dotted key path, e.g. `monitoring.async.pool.max_size`; empty for whole-file problems. */
  readonly keyPath: string;
  /** What a valid value looks like, e.g. `a positive integer`. */
  readonly expected: string;
  /** What was found, e.g. "the string `abc`". */
  readonly actual: string;
  /** Where the value came from: `default`, `profile:<name>`, `file:<path>`, `env:<VAR>` or `cli`. */
  readonly source: string;
  /** The file that holds the value, when it came from a file. */
  readonly file?: string;
  /** 1-based line in {@link file}. */
  readonly line?: number;
  /** 1-based column in {@link file}. */
  readonly column?: number;
  /** The environment variable that holds the value, when it came from the environment. */
  readonly envVar?: string;
  /** A close known key for unknown keys (`did you mean …`). */
  readonly suggestion?: string;
  /** Free-form explanation used instead of `expected …, got …` (syntax and OS errors). */
  readonly detail?: string;
}

/**
 * Formats one problem as a single line: `FILE:LINE:COL key.path: expected X, got Y`,
 * `VAR: expected X, got Y (sets key.path)` or `cli key.path: expected X, got Y`.
 */
export function formatConfigProblem(problem: ConfigProblem): string {
  if (problem.kind === 'more_problems' && problem.detail !== undefined) return problem.detail;
  const body =
    problem.detail ??
    `expected ${problem.expected}${problem.suggestion === undefined ? '' : ` (did you mean \`${problem.suggestion}\`?)`}, got ${problem.actual}`;
  if (problem.envVar !== undefined) {
    const sets = problem.keyPath === '' ? '' : ` (sets ${problem.keyPath})`;
    return `${problem.envVar}: ${body}${sets}`;
  }
  let where: string;
  if (problem.file !== undefined) {
    where =
      problem.line === undefined
        ? problem.file
        : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
  } else {
    where = problem.source;
  }
  return problem.keyPath === '' ? `${where}: ${body}` : `${where} ${problem.keyPath}: ${body}`;
}

/** Options of {@link ConfigError}. */
export interface ConfigErrorOptions {
  readonly code?: ConfigErrorCode;
  readonly problems?: readonly ConfigProblem[];
  readonly cause?: unknown;
}

/**
 * The one error `@tmux-orc/config` throws. For invalid configurations it lists every problem
 * found across all layers, each with its key path, expected and actual value and position.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code: ConfigErrorCode;
  /** Every problem found, in layer order; empty for non-validation errors. */
  readonly problems: readonly ConfigProblem[];

  constructor(message: string, options: ConfigErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code ?? 'CONFIG_INVALID';
    this.problems = options.problems ?? [];
  }

  /**
   * Builds the error for a list of problems; the message holds one formatted line per problem.
   * Past {@link maxListedProblems}, the rest are summed up in one `more_problems` entry.
   */
  static fromProblems(all: readonly ConfigProblem[]): ConfigError {
    const count = all.length === 1 ? '1 problem' : `${all.length} problems`;
    const problems = all.length <= maxListedProblems ? all : [...all.slice(0, maxListedProblems), moreProblems(all)];
    const lines = problems.map((p) => `  ${formatConfigProblem(p)}`).join('\n');
    return new ConfigError(`Invalid tmux-orc configuration (${count}):\n${lines}`, {
      code: 'CONFIG_INVALID',
      problems,
    });
  }
}

function moreProblems(all: readonly ConfigProblem[]): ConfigProblem {
  const omitted = all.length - maxListedProblems;
  const first = all[maxListedProblems];
  return {
    kind: 'more_problems',
    keyPath: '',
    expected: `at most ${maxListedProblems} problems`,
    actual: `${all.length} problems`,
    source: first?.source ?? 'default',
    detail: `… and ${omitted} more ${omitted === 1 ? 'problem' : 'problems'} (the first ${maxListedProblems} of ${all.length} are listed)`,
  };
}
