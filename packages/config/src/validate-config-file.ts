import { ConfigError, type ConfigProblem } from './errors.js';
import { resolveHome } from './home.js';
import { loadConfig } from './load-config.js';

/**
 * Checks one file on its own (built-in defaults < its profile < the file; no home file, no
 * environment). Returns every problem, an empty list when the file is valid.
 */
export async function validateConfigFile(file: string, options: { cwd?: string; home?: string } = {}): Promise<ConfigProblem[]> {
  try {
    await loadConfig({
      env: {},
      configFile: file,
      readHomeFile: false,
      home: options.home ?? resolveHome(process.env),
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}
