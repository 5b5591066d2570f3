import { stringify } from 'yaml';
import type { Config } from './schema.js';

/** The configuration as YAML, in the shape `config.yaml` takes (for `tmux-orc config show`). */
export function configToYaml(config: Config): string {
  return stringify(config, { lineWidth: 0 });
}
