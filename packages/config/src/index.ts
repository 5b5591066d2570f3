export { configToYaml } from './config-to-yaml.js';
export { createDefaultConfig } from './defaults.js';
export { maxTimerSeconds } from './duration.js';
export {
  ConfigError,
  configErrorCodes,
  formatConfigProblem,
  type ConfigErrorCode,
  type ConfigErrorOptions,
  type ConfigProblem,
  type ConfigProblemKind,
} from './errors.js';
export { resolveHome, type ConfigEnv } from './home.js';
export { writeInitialConfig, type WriteInitialConfigOptions } from './initial-config.js';
export { listLeaves } from './key-path.js';
export { loadConfig, type LoadConfigOptions, type LoadedConfig } from './load-config.js';
export type { ConfigSource } from './merge-layers.js';
export {
  defaultNotifiedStates,
  notificationChannelSchema,
  type NotificationChannelConfig,
} from './notification-channels.js';
export { maxConfigFileBytes } from './read-capped-text.js';
export {
  agentStates,
  profileNames,
  type AgentState,
  type Config,
  type ConfigOverrides,
  type DeepPartial,
  type DetectorEntryConfig,
  type HookConfig,
  type ProfileName,
  type ServerConfig,
} from './schema.js';
export { validateConfigFile } from './validate-config-file.js';
