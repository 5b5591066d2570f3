import type { Config } from '@tmux-orc/config';
import { loadStrategy } from '@tmux-orc/strategies';

/**
 * Loads the strategy the daemon would run, with its real `strategy_options` (as the monitor
 * does), and disposes it again. Resolves null when it loads, else the problem as one line naming
 * the key: a bad option (`INVALID_OPTION`, e.g. `concurency: 5`) or a strategy that cannot load.
 */
export async function strategyProblem(config: Config, cwd?: string): Promise<string | null> {
  const async = config.monitoring.async;
  const name = async.enabled ? async.strategy : 'polling';
  const options = async.enabled ? async.strategy_options : {};
  try {
    const strategy = await loadStrategy(name, options, { importModule: (specifier) => import(specifier), ...(cwd === undefined ? {} : { cwd }) });
    await strategy.dispose?.();
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    return code === 'INVALID_OPTION' || /option/i.test(message)
      ? `monitoring.async.strategy_options: ${message}`
      : `monitoring.async.strategy: expected a loadable strategy, got \`${name}\` (${message})`;
  }
}
