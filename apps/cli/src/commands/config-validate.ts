import { validateConfigFile } from '@tmux-orc/config';
import type { CommandIo } from '../shared/command-io.js';
import { configExitCodes, printProblems, type GlobalConfigOptions } from './config-io.js';
import { loadForCommand } from './config-show.js';
import { strategyProblem } from './strategy-check.js';

/**
 * `tmux-orc config validate [FILE]`: checks FILE on its own, or without FILE the effective
 * configuration (home config.yaml, --config, environment). Exit 0 valid, 2 invalid with every
 * problem on stderr as `FILE:LINE:COL key.path: expected X, got Y`. The effective configuration's
 * strategy is also loaded with its `strategy_options`: a bad option is a problem too.
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
  const problem = await strategyProblem(loaded.config, io.cwd);
  if (problem !== null) {
    io.stderr(`${problem}\n`);
    return configExitCodes.invalid;
  }
  const what = loaded.files.length === 0 ? 'built-in defaults (no config file)' : loaded.files.join(', ');
  io.stdout(`${what}: valid\n`);
  return configExitCodes.ok;
}
