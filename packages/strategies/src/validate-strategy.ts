import { describeValue } from './describe-value.js';
import { strategySpecificationVersion, type MonitoringStrategy, type StrategyFactory } from './monitoring-strategy.js';
import { StrategyError } from './strategy-error.js';
import { StrategyLoadError } from './strategy-load-error.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null;
}

/**
 * Finds the factory a plugin module exports: `createStrategy`, else a default function (or a
 * default object holding `createStrategy`, as CommonJS modules come through). `source` names the
 * module in messages.
 */
export function factoryOfModule(strategyName: string, source: string, exports: unknown): StrategyFactory {
  const fail = (message: string): StrategyLoadError => new StrategyLoadError('INVALID_PLUGIN', strategyName, message);
  if (!isRecord(exports)) throw fail(`Expected \`${source}\` to export \`createStrategy\` or a default function, got ${describeValue(exports)}`);
  const named = exports['createStrategy'];
  if (named !== undefined) {
    if (typeof named !== 'function') throw fail(`Expected \`createStrategy\` of \`${source}\` to be a function (a StrategyFactory), got ${describeValue(named)}`);
    return named as StrategyFactory;
  }
  const fallback = exports['default'];
  if (typeof fallback === 'function') return fallback as StrategyFactory;
  if (isRecord(fallback) && typeof fallback['createStrategy'] === 'function') return fallback['createStrategy'] as StrategyFactory;
  const got = fallback === undefined ? describeValue({ ...exports }) : `a default export that is ${describeValue(fallback)}`;
  throw fail(`Expected \`${source}\` to export \`createStrategy\` or a default function, got ${got}`);
}

/** What is wrong with a value meant to be a `MonitoringStrategy` v1; empty when nothing is. */
export function strategyProblems(value: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const version = value['specificationVersion'];
  if (version !== strategySpecificationVersion) {
    problems.push(`\`specificationVersion\` must be \`'${strategySpecificationVersion}'\`, got ${version === undefined ? 'undefined' : `\`${JSON.stringify(version)}\``}`);
  }
  const name = value['name'];
  if (typeof name !== 'string' || name.trim() === '') problems.push(`\`name\` must be a non-empty string, got ${describeValue(name)}`);
  if (typeof value['observe'] !== 'function') problems.push(`\`observe\` must be a function, got ${describeValue(value['observe'])}`);
  const description = value['description'];
  if (description !== undefined && typeof description !== 'string') problems.push(`\`description\` must be a string, got ${describeValue(description)}`);
  const dispose = value['dispose'];
  if (dispose !== undefined && typeof dispose !== 'function') problems.push(`\`dispose\` must be a function when present, got ${describeValue(dispose)}`);
  return problems;
}

/**
 * Calls a plugin's factory with `options` and checks that it returned a `MonitoringStrategy` v1:
 * `specificationVersion: 'v1'`, a non-empty `name`, an `observe` function (and, when present, a
 * string `description` and a `dispose` function). Every problem is listed in one message.
 */
export function createValidatedStrategy(
  strategyName: string,
  source: string,
  factory: StrategyFactory,
  options: Readonly<Record<string, unknown>>,
): MonitoringStrategy {
  let value: unknown;
  try {
    value = factory(options);
  } catch (error) {
    // Option errors from `readStrategyOptions` already name the strategy, the option and the value.
    if (StrategyError.isInstance(error) && error.code === 'INVALID_OPTION') throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new StrategyLoadError('PLUGIN_FACTORY_FAILED', strategyName, `Expected the factory of \`${source}\` to return a strategy, but it threw: ${reason}`, {
      cause: error,
    });
  }
  const where = `the strategy returned by the factory of \`${source}\``;
  if (!isRecord(value) || typeof value['then'] === 'function') {
    const hint = isRecord(value) ? ' (a factory returns the strategy itself; do asynchronous set-up inside `observe`)' : '';
    throw new StrategyLoadError('INVALID_PLUGIN', strategyName, `Expected ${where} to be a MonitoringStrategy object, got ${describeValue(value)}${hint}`);
  }
  const problems = strategyProblems(value);
  if (problems.length > 0) {
    throw new StrategyLoadError('INVALID_PLUGIN', strategyName, `Expected ${where} to be a MonitoringStrategy v1: ${problems.join('; ')}`);
  }
  return value as unknown as MonitoringStrategy;
}
