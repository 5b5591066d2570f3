import { readFile } from 'node:fs/promises';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { describeValue } from './describe-value.js';
import type { ConfigProblem } from './errors.js';
import { isPlainObject } from './key-path.js';
import type { ConfigLayer, FilePosition } from './merge-layers.js';

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
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return {
      missing: code === 'ENOENT',
      problems: [
        { kind: 'unreadable_file', keyPath: '', expected: 'a readable file', actual: reason, source, file: label, detail: `cannot read the file: ${reason}` },
      ],
    };
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const position = (offset: number): FilePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const syntaxProblem = (message: string, offset: number): ConfigProblem => ({
    kind: 'yaml_syntax',
    keyPath: '',
    expected: 'valid YAML',
    actual: message,
    source,
    file: label,
    ...spread(position(offset)),
    detail: `invalid YAML: ${message}`,
  });
  if (doc.errors.length > 0) {
    return { missing: false, problems: doc.errors.map((e) => syntaxProblem(e.message, e.pos[0])) };
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
  const locate = (path: readonly PropertyKey[], target: 'key' | 'value'): FilePosition | undefined => {
    const offset = offsetOf(doc, path, target);
    return offset === undefined ? undefined : position(offset);
  };
  return { missing: false, problems: [], layer: { source, data, file, label, locate } };
}

function spread(position: FilePosition): { line: number; column: number } {
  return { line: position.line, column: position.column };
}

/** Offset of the deepest node on `path`: the key itself for `key`, else its value when present. */
function offsetOf(doc: Document, path: readonly PropertyKey[], target: 'key' | 'value'): number | undefined {
  let node: unknown = doc.contents;
  let keyNode: Node | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair === undefined) break;
      keyNode = isScalar(pair.key) ? pair.key : undefined;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      keyNode = undefined;
      node = node.items[segment];
    } else {
      break;
    }
  }
  // An empty value (`key:`) has a zero-width range after the key; point at the key instead.
  const empty = isScalar(node) && node.range !== undefined && node.range !== null && node.range[0] === node.range[1];
  const valueOffset = empty ? undefined : rangeStart(node);
  if (target === 'key' || valueOffset === undefined) return rangeStart(keyNode) ?? valueOffset;
  return valueOffset;
}

function rangeStart(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined;
  const range = (node as { range?: readonly number[] | null }).range;
  return range?.[0];
}
