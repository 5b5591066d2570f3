import { validateConfigFile } from '@tmux-orc/config';
import type { CommandIo } from '../shared/command-io.js';
import { configExitCodes, printProblems, type GlobalConfigOptions } from './config-io.js';
import { loadForCommand } from './config-show.js';
import { checkDetectors } from './detector-check.js';
import { strategyProblem } from './strategy-check.js';

/**
 * `tmux-orc config validate [FILE]`: checks FILE on its own, or without FILE the effective
 * configuration (home config.yaml, --config, environment). Exit 0 valid, 2 invalid with every
 * problem on stderr as `FILE:LINE:COL key.path: expected X, got Y`. The effective configuration's
 * strategy is also loaded with its `strategy_options`, and each `detectors` plugin with its
 * `options`: one that cannot load, or a bad option, is a problem too, naming the entry.
 */
export async function runConfigValidate(
  file: string | undefined,
  options: GlobalConfigOptions,
  io: CommandIo,
): Promise<number> {
  if (file !== undefined) {
    const problems = await validateConfigFile(file, { cwd: io.cwd });
    if (problems.length > 0) {
      printProblems(io, problems);
      return configExitCodes.invalid;
    }
    io.stdout(`${file}: valid\n`);
    return configExitCodes.ok;
  }
  const loaded = await loadForCommand(options, io);
  if (loaded === undefined) return configExitCodes.invalid;
  const problems = [await strategyProblem(loaded.config, io.cwd), (await checkDetectors(loaded.config, io.cwd)).problem].filter((p) => p !== null);
  if (problems.length > 0) {
    io.stderr(`${problems.join('\n')}\n`);
    return configExitCodes.invalid;
  }
  const what = loaded.files.length === 0 ? 'built-in defaults (no config file)' : loaded.files.join(', ');
  io.stdout(`${what}: valid\n`);
  return configExitCodes.ok;
}
