import { detectorContractVersion, type AgentDetector, type DetectorFactory } from './agent-detector.js';
import { describeValue } from './describe-value.js';
import { DetectorError } from './detector-error.js';
import { DetectorLoadError } from './detector-load-error.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null;
}

/**
 * Finds the factory a plugin module exports: `createDetector`, else a default function (or a
 * default object holding `createDetector`, as CommonJS modules come through).
 */
export function factoryOfModule(detectorName: string, source: string, exports: unknown): DetectorFactory {
  const fail = (got: string): DetectorLoadError =>
    new DetectorLoadError('INVALID_PLUGIN', detectorName, `Expected \`${source}\` to export \`createDetector\` or a default function, got ${got}`);
  if (!isRecord(exports)) throw fail(describeValue(exports));
  const named = exports['createDetector'];
  if (named !== undefined) {
    if (typeof named === 'function') return named as DetectorFactory;
    throw new DetectorLoadError('INVALID_PLUGIN', detectorName, `Expected \`createDetector\` of \`${source}\` to be a function (a DetectorFactory), got ${describeValue(named)}`);
  }
  const fallback = exports['default'];
  if (typeof fallback === 'function') return fallback as DetectorFactory;
  if (isRecord(fallback) && typeof fallback['createDetector'] === 'function') return fallback['createDetector'] as DetectorFactory;
  throw fail(fallback === undefined ? describeValue({ ...exports }) : `a default export that is ${describeValue(fallback)}`);
}

/** What is wrong with a value meant to be an `AgentDetector` v1; empty when nothing is. */
export function detectorProblems(value: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const version = value['contractVersion'];
  if (version !== detectorContractVersion) {
    problems.push(`\`contractVersion\` must be \`'${detectorContractVersion}'\`, got ${version === undefined ? 'undefined' : `\`${JSON.stringify(version)}\``}`);
  }
  const id = value['id'];
  if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9._-]*$/u.test(id)) {
    problems.push(`\`id\` must be a lowercase name such as \`opencode\` (letters, digits, \`.\`, \`_\`, \`-\`), got ${describeValue(id)}`);
  }
  for (const method of ['matches', 'classify']) {
    if (typeof value[method] !== 'function') problems.push(`\`${method}\` must be a function, got ${describeValue(value[method])}`);
  }
  const optional: Record<string, [string, (v: unknown) => boolean]> = {
    description: ['a string', (v) => typeof v === 'string'],
    overridesBuiltin: ['`true` or `false`', (v) => typeof v === 'boolean'],
    provenVersions: ['a list of strings', (v) => Array.isArray(v) && v.every((item) => typeof item === 'string')],
  };
  for (const [key, [expected, accept]] of Object.entries(optional)) {
    if (value[key] !== undefined && !accept(value[key])) problems.push(`\`${key}\` must be ${expected} when present, got ${describeValue(value[key])}`);
  }
  return problems;
}

/**
 * Calls a plugin's factory with `options` and checks that it returned an `AgentDetector` v1,
 * listing every problem in one message. Option errors (`INVALID_OPTION`) come through as they are.
 */
export function createValidatedDetector(
  detectorName: string,
  source: string,
  factory: DetectorFactory,
  options: Readonly<Record<string, unknown>>,
): AgentDetector {
  let value: unknown;
  try {
    value = factory(options);
  } catch (error) {
    if (DetectorError.isInstance(error) && error.code === 'INVALID_OPTION') throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new DetectorLoadError('PLUGIN_FACTORY_FAILED', detectorName, `Expected the factory of \`${source}\` to return a detector, but it threw: ${reason}`, { cause: error });
  }
  const where = `the detector returned by the factory of \`${source}\``;
  if (!isRecord(value) || typeof value['then'] === 'function') {
    const hint = isRecord(value) ? ' (a factory returns the detector itself, synchronously)' : '';
    throw new DetectorLoadError('INVALID_PLUGIN', detectorName, `Expected ${where} to be an AgentDetector object, got ${describeValue(value)}${hint}`);
  }
  const problems = detectorProblems(value);
  if (problems.length > 0) throw new DetectorLoadError('INVALID_PLUGIN', detectorName, `Expected ${where} to be an AgentDetector v1: ${problems.join('; ')}`);
  return value as unknown as AgentDetector;
}
