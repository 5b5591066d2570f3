import type * as z from 'zod';
import { describeText, shownKeyPath } from './cut-text.js';
import { describeValue } from './describe-value.js';
import { closestKey } from './did-you-mean.js';
import type { ConfigProblem } from './errors.js';
import { isPlainObject, valueAt } from './key-path.js';
import { originOf, type ConfigLayer } from './merge-layers.js';
import { describeDurationBounds } from './duration.js';
import { allKeyPaths, durationBoundsAt, knownKeysAt } from './schema-keys.js';
import { remoteServerKeys } from './server-schema.js';

/** What {@link problemsFromIssues} needs to explain and locate zod's issues. */
export interface IssueContext {
  readonly schema: z.core.$ZodType;
  readonly merged: unknown;
  readonly layers: readonly ConfigLayer[];
  readonly origins: ReadonlyMap<string, number>;
}

const typeNames: Readonly<Record<string, string>> = {
  int: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'a boolean (true or false)',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

/** Turns zod issues into located, human-worded problems (one per unknown key). */
export function problemsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  context: IssueContext,
): ConfigProblem[] {
  return issues.flatMap((issue) => problemsFromIssue(issue, context));
}

function problemsFromIssue(issue: z.core.$ZodIssue, context: IssueContext): ConfigProblem[] {
  const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
  const actualValue = valueAt(context.merged, path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => unknownKeyProblem(path, key, context));
  }
  if (issue.code === 'invalid_union') {
    const known = knownKeysAt(context.schema, path);
    if (isPlainObject(actualValue)) {
      const unknown = Object.keys(actualValue).filter((key) => !known.includes(key));
      if (unknown.length > 0) return unknown.map((key) => unknownKeyProblem(path, key, context));
    }
    const remote = remoteKeyIssues(issue.errors);
    if (remote !== undefined) return remote.flatMap((inner) => problemsFromIssue({ ...inner, path: [...issue.path, ...inner.path] }, context));
    return [
      locate(context, path, 'value', {
        kind: 'invalid_value',
        expected: unionExpectation(path),
        actual: describeValue(actualValue),
      }),
    ];
  }
  return [
    locate(context, path, 'value', {
      kind: 'invalid_value',
      expected: expectation(issue, context, path),
      actual: describeValue(actualValue),
    }),
  ];
}

/**
 * A server entry whose form matched but whose `host`, `port` or `ssh` is wrong fails every
 * variant of the union; the variant with the fewest issues, all of them under those keys, says
 * exactly what (`servers.0.ssh.identiy_file: unknown key`), instead of "one of the forms".
 */
function remoteKeyIssues(variants: readonly (readonly z.core.$ZodIssue[])[]): readonly z.core.$ZodIssue[] | undefined {
  const fewest = [...variants].sort((a, b) => a.length - b.length)[0];
  if (fewest === undefined || fewest.length === 0) return undefined;
  return fewest.every((inner) => remoteServerKeys.includes(String(inner.path[0]))) ? fewest : undefined;
}

function unionExpectation(path: readonly PropertyKey[]): string {
  if (path[0] === 'servers') {
    return 'one of `{ socket_name: NAME }`, `{ socket_path: PATH }`, `{ default: true }` (each may add `host`, `port`, `ssh`)';
  }
  return 'one of the allowed forms';
}

function expectation(issue: z.core.$ZodIssue, context: IssueContext, path: readonly PropertyKey[]): string {
  if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'number') {
    const bounds = durationBoundsAt(context.schema, path);
    if (bounds !== undefined) return describeDurationBounds(bounds);
  }
  switch (issue.code) {
    case 'invalid_type':
      return typeNames[issue.expected] ?? `a ${issue.expected}`;
    case 'too_small': {
      if (issue.origin === 'string') return 'a non-empty string';
      if (issue.origin === 'array') return `a list with at least ${String(issue.minimum)} item(s)`;
      if (Number(issue.minimum) === 0 && issue.inclusive !== true) return 'a positive number';
      return `a number ${issue.inclusive === true ? '>=' : '>'} ${String(issue.minimum)}`;
    }
    case 'too_big':
      if (issue.origin === 'array') return `a list with at most ${String(issue.maximum)} item(s)`;
      return `a number ${issue.inclusive === true ? '<=' : '<'} ${String(issue.maximum)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `\`${String(issue.values[0])}\``
        : `one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_key': {
      // A key checked by a pattern carries its expectation as the inner issue's message.
      const inner = issue.issues[0];
      return inner?.code === 'invalid_format' ? inner.message : 'a non-empty key';
    }
    default:
      // Custom checks and regex formats carry their expectation as the message.
      return issue.message;
  }
}

function unknownKeyProblem(
  parent: readonly (string | number)[],
  key: string,
  context: IssueContext,
): ConfigProblem {
  const known = knownKeysAt(context.schema, parent);
  let suggestion = closestKey(key, known);
  if (suggestion === undefined) {
    // The key may be valid elsewhere (`check_interval` written at the top level).
    const elsewhere = allKeyPaths(context.schema).filter((p) => p.at(-1) === key);
    if (elsewhere.length === 1 && elsewhere[0] !== undefined) suggestion = elsewhere[0].join('.');
  }
  const problem: Omit<ConfigProblem, 'source' | 'keyPath'> = {
    kind: 'unknown_key',
    expected: known.length > 0 ? `a known key (one of ${known.join(', ')})` : 'no keys here',
    actual: describeText('unknown key', key),
    ...(suggestion === undefined ? {} : { suggestion }),
  };
  return locate(context, [...parent, key], 'key', problem);
}

function locate(
  context: IssueContext,
  path: readonly (string | number)[],
  target: 'key' | 'value',
  problem: Omit<ConfigProblem, 'source' | 'keyPath'>,
): ConfigProblem {
  const keyPath = shownKeyPath(path);
  const index = originOf(context.origins, path);
  const layer = index === undefined ? undefined : context.layers[index];
  if (layer === undefined) return { ...problem, keyPath, source: 'default' };
  const position = layer.locate?.(path, target);
  return {
    ...problem,
    keyPath,
    source: layer.source,
    ...(layer.file === undefined ? {} : { file: layer.label ?? layer.file }),
    ...(layer.envVar === undefined ? {} : { envVar: layer.envVar }),
    ...(position === undefined ? {} : { line: position.line, column: position.column }),
  };
}
