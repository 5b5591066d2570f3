export { configToYaml } from './config-to-yaml.js';
export { createDefaultConfig } from './defaults.js';
export { closestKey, editDistance } from './did-you-mean.js';
export { envBindings, type EnvBinding } from './env-layers.js';
export {
  ConfigError,
  configErrorCodes,
  formatConfigProblem,
  type ConfigErrorCode,
  type ConfigErrorOptions,
  type ConfigProblem,
  type ConfigProblemKind,
} from './errors.js';
export { configFileName, defaultHomeDirName, resolveHome, type ConfigEnv } from './home.js';
export { renderInitialConfig, writeInitialConfig, type WriteInitialConfigOptions } from './initial-config.js';
export { listLeaves } from './key-path.js';
export { loadConfig, type LoadConfigOptions, type LoadedConfig } from './load-config.js';
export type { ConfigSource } from './merge-layers.js';
export { profiles } from './profiles.js';
export {
  agentStates,
  cacheStrategies,
  configSchema,
  logLevels,
  profileNames,
  serverSchema,
  type AgentState,
  type Config,
  type ConfigOverrides,
  type DeepPartial,
  type HookConfig,
  type ProfileName,
  type ServerConfig,
} from './schema.js';
export { validateConfigFile } from './validate-config-file.js';
