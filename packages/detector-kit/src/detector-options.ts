import { describeValue } from './describe-value.js';
import { DetectorError } from './detector-error.js';

/** What {@link readDetectorOptions} returns; each reader records its key as known. */
export interface DetectorOptionsReader {
  /** A positive integer, e.g. how many bottom lines to read. */
  positiveInteger(key: string, fallback: number): number;
  /** A non-empty string (a command name, a title prefix). */
  string(key: string, fallback: string): string;
  /** A list of non-empty strings (command names, extra words). */
  strings(key: string, fallback: readonly string[]): readonly string[];
  /** `true` or `false`; YAML's `yes`/`no` arrive as booleans already, the string `"true"` does not. */
  boolean(key: string, fallback: boolean): boolean;
  /** Throws when the options hold a key no reader asked for (a typo, an option of another detector). */
  rejectUnknown(): void;
}

type Accept = (value: unknown) => boolean;
const isNonEmptyString: Accept = (v) => typeof v === 'string' && v.length > 0;

/**
 * Reads a detector's options (a free-form record from config) one key at a time, with defaults,
 * and rejects wrong values and unknown keys with an `INVALID_OPTION` {@link DetectorError} naming
 * the detector, the option, what was expected and what was got.
 *
 * @example
 * const read = readDetectorOptions('opencode', options);
 * const commands = read.strings('commands', ['opencode']);
 * read.rejectUnknown(); // `comands: [oc]` fails here, listing the known options
 */
export function readDetectorOptions(detector: string, options: Readonly<Record<string, unknown>>): DetectorOptionsReader {
  const known: string[] = [];
  const read = <T>(key: string, fallback: T, accept: Accept, expected: string): T => {
    known.push(key);
    const value = options[key];
    if (value === undefined) return fallback;
    if (accept(value)) return value as T;
    throw new DetectorError('INVALID_OPTION', `Expected the \`${key}\` option of detector \`${detector}\` to be ${expected}, got ${describeValue(value)}`);
  };
  return {
    positiveInteger: (key, fallback) => read(key, fallback, (v) => typeof v === 'number' && Number.isInteger(v) && v > 0, 'a positive integer'),
    string: (key, fallback) => read(key, fallback, isNonEmptyString, 'a non-empty string'),
    strings: (key, fallback) => read(key, fallback, (v) => Array.isArray(v) && v.length > 0 && v.every(isNonEmptyString), 'a non-empty list of non-empty strings'),
    boolean: (key, fallback) => read(key, fallback, (v) => typeof v === 'boolean', '`true` or `false`'),
    rejectUnknown() {
      const unknown = Object.keys(options).filter((key) => !known.includes(key) && options[key] !== undefined);
      if (unknown.length === 0) return;
      const expected = known.length === 0 ? 'no options' : `only ${known.map((k) => `\`${k}\``).join(', ')}`;
      const got = unknown.map((k) => `\`${k}\``).join(', ');
      throw new DetectorError('INVALID_OPTION', `Expected ${expected} for detector \`${detector}\`, got unknown option${unknown.length === 1 ? '' : 's'} ${got}`);
    },
  };
}
