import { describeValue } from './describe-value.js';
import { StrategyError } from './strategy-error.js';

/**
 * Reads a strategy's options (a free-form record from config) one key at a time, with defaults,
 * and rejects wrong values and unknown keys with an `INVALID_OPTION` {@link StrategyError} naming
 * the strategy, the option, what was expected and what was got. Built for plugin factories too.
 *
 * @example
 * const read = readStrategyOptions('concurrent', options);
 * const concurrency = read.positiveInteger('staleness', 10);
 * read.rejectUnknown(); // `concurency: 5` fails here, listing the known options
 */
export function readStrategyOptions(strategy: string, options: Readonly<Record<string, unknown>>): StrategyOptionsReader {
  const known: string[] = [];

  function invalid(key: string, expected: string, value: unknown): StrategyError {
    return new StrategyError(
      'INVALID_OPTION',
      `Expected the \`${key}\` option of strategy \`${strategy}\` to be ${expected}, got ${describeValue(value)}`,
    );
  }

  function read<T>(key: string, fallback: T, accept: (value: unknown) => boolean, expected: string): T {
    known.push(key);
    const value = options[key];
    if (value === undefined) return fallback;
    if (!accept(value)) throw invalid(key, expected, value);
    return value as T;
  }

  return {
    positiveInteger: (key, fallback) =>
      read(key, fallback, (v) => typeof v === 'number' && Number.isInteger(v) && v > 0, 'a positive integer'),
    positiveNumber: (key, fallback) =>
      read(key, fallback, (v) => typeof v === 'number' && Number.isFinite(v) && v > 0, 'a finite number > 0'),
    nonNegativeNumber: (key, fallback) =>
      read(key, fallback, (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0, 'a finite number >= 0'),
    optionalPositiveInteger: (key) =>
      read<number | null>(key, null, (v) => v === null || (typeof v === 'number' && Number.isInteger(v) && v > 0), 'a positive integer or null'),
    string: (key, fallback) => read(key, fallback, (v) => typeof v === 'string' && v.length > 0, 'a non-empty string'),
    boolean: (key, fallback) => read(key, fallback, (v) => typeof v === 'boolean', '`true` or `false`'),
    stringList<T extends string>(key: string, allowed: readonly T[], fallback: readonly T[]): readonly T[] {
      const choices = allowed.map((a) => `\`${a}\``).join(', ');
      const list = read<readonly unknown[]>(key, fallback, Array.isArray, `a list of ${choices}`);
      for (const item of list) {
        if (typeof item !== 'string' || !(allowed as readonly string[]).includes(item)) {
          throw new StrategyError(
            'INVALID_OPTION',
            `Expected every item of the \`${key}\` option of strategy \`${strategy}\` to be one of ${choices}, got ${describeValue(item)}`,
          );
        }
      }
      return list as readonly T[];
    },
    rejectUnknown() {
      const unknown = Object.keys(options).filter((key) => !known.includes(key) && options[key] !== undefined);
      if (unknown.length === 0) return;
      const expected = known.length === 0 ? 'no options' : `only ${known.map((k) => `\`${k}\``).join(', ')}`;
      throw new StrategyError(
        'INVALID_OPTION',
        `Expected ${expected} for strategy \`${strategy}\`, got unknown option${unknown.length === 1 ? '' : 's'} ${unknown.map((k) => `\`${k}\``).join(', ')}`,
      );
    },
  };
}

/** What {@link readStrategyOptions} returns; each reader records its key as known. */
export interface StrategyOptionsReader {
  positiveInteger(key: string, fallback: number): number;
  positiveNumber(key: string, fallback: number): number;
  nonNegativeNumber(key: string, fallback: number): number;
  /** A positive integer, or null (the default) for "no limit". */
  optionalPositiveInteger(key: string): number | null;
  /** A non-empty string (a name, a prefix, a path). */
  string(key: string, fallback: string): string;
  /** `true` or `false`; YAML's `yes`/`no` arrive as booleans already, the string `"true"` does not. */
  boolean(key: string, fallback: boolean): boolean;
  /** A list whose items are all in `allowed`. */
  stringList<T extends string>(key: string, allowed: readonly T[], fallback: readonly T[]): readonly T[];
  /** Throws when `options` holds a key no reader asked for (a typo, an option of another strategy). */
  rejectUnknown(): void;
}
