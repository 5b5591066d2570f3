import { LineCounter, parseDocument, type Document } from 'yaml';
import { cutText } from './cut-text.js';
import { describeValue } from './describe-value.js';
import { findDuplicateKeys } from './duplicate-keys.js';
import type { ConfigProblem } from './errors.js';
import { isPlainObject } from './key-path.js';
import type { ConfigLayer, FilePosition } from './merge-layers.js';
import { maxConfigFileBytes, readCappedText } from './read-capped-text.js';
import { createOffsetFinder } from './yaml-offsets.js';

/** A config file read into a layer, or the problems that kept it from being one. */
export interface ReadConfigFileResult {
  /** Absent when the file could not be read or parsed. */
  readonly layer?: ConfigLayer;
  /** True when the file does not exist (`ENOENT`). */
  readonly missing: boolean;
  readonly problems: ConfigProblem[];
}

/**
 * Reads one YAML config file into a layer that can locate every key and value (line:column via
 * the `yaml` package's node ranges and `LineCounter`). An empty file is an empty layer.
 *
 * @param file absolute path (used in `sources`).
 * @param label how problems name the file, e.g. the path as the user typed it.
 */
export async function readConfigFile(file: string, label: string = file): Promise<ReadConfigFileResult> {
  const source = `file:${file}` as const;
  let read: Awaited<ReturnType<typeof readCappedText>>;
  try {
    read = await readCappedText(file);
  } catch (error) {
    const reason = cutText(error instanceof Error ? error.message : String(error), 200);
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return {
      missing: code === 'ENOENT',
      problems: [
        { kind: 'unreadable_file', keyPath: '', expected: 'a readable file', actual: reason, source, file: label, detail: `cannot read the file: ${reason}` },
      ],
    };
  }

  if ('tooLarge' in read) return { missing: false, problems: [tooLargeProblem(read.bytes, source, label)] };

  const lineCounter = new LineCounter();
  // yaml's own duplicate-key check is quadratic; findDuplicateKeys does it in linear time.
  const doc = parseDocument(read.text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const position = (offset: number): FilePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const syntaxProblem = (message: string, offset: number): ConfigProblem => ({
    kind: 'yaml_syntax',
    keyPath: '',
    expected: 'valid YAML',
    actual: cutText(message, 200),
    source,
    file: label,
    ...spread(position(offset)),
    detail: `invalid YAML: ${cutText(message, 200)}`,
  });
  const errors = [
    ...doc.errors.map((e) => ({ message: e.message, offset: e.pos[0] })),
    ...duplicateKeyErrors(doc),
  ];
  if (errors.length > 0) {
    errors.sort((a, b) => a.offset - b.offset);
    return { missing: false, problems: errors.map((e) => syntaxProblem(e.message, e.offset)) };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { missing: false, problems: [syntaxProblem(message, doc.contents?.range[0] ?? 0)] };
  }
  if (data === null || data === undefined) data = {};
  if (!isPlainObject(data)) {
    return {
      missing: false,
      problems: [
        {
          kind: 'invalid_value',
          keyPath: '',
          expected: 'a mapping of configuration keys',
          actual: describeValue(data),
          source,
          file: label,
          ...spread(position(doc.contents?.range[0] ?? 0)),
        },
      ],
    };
  }
  const offsetOf = createOffsetFinder(doc);
  const locate = (path: readonly PropertyKey[], target: 'key' | 'value'): FilePosition | undefined => {
    const offset = offsetOf(path, target);
    return offset === undefined ? undefined : position(offset);
  };
  return { missing: false, problems: [], layer: { source, data, file, label, locate } };
}

/** Duplicate keys as syntax errors; a document nested too deep to walk is one error too, never a crash. */
function duplicateKeyErrors(doc: Document): { message: string; offset: number }[] {
  try {
    return findDuplicateKeys(doc).map((key) => ({ message: 'Map keys must be unique', offset: key.range?.[0] ?? 0 }));
  } catch (error) {
    return [{ message: error instanceof Error ? error.message : String(error), offset: doc.contents?.range?.[0] ?? 0 }];
  }
}

function spread(position: FilePosition): { line: number; column: number } {
  return { line: position.line, column: position.column };
}

function tooLargeProblem(bytes: number | undefined, source: ConfigLayer['source'], label: string): ConfigProblem {
  const cap = `${maxConfigFileBytes} bytes (1 MiB)`;
  const actual = bytes === undefined ? `more than ${maxConfigFileBytes} bytes` : `${bytes} bytes`;
  return {
    kind: 'file_too_large',
    keyPath: '',
    expected: `a file of at most ${cap}`,
    actual,
    source,
    file: label,
    detail: `the file ${bytes === undefined ? 'holds' : `is ${actual},`} more than the ${cap} a config file may have`,
  };
}
