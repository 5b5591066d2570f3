import type { ConfigOverrides, ProfileName } from './schema.js';

/**
 * The tuning table users know from the Python tmux-orchestrator. Profiles only move the pool and
 * cache sizes; the built-in defaults are smaller on purpose (see the README, "Profiles").
 */
export const profiles: Readonly<Record<ProfileName, ConfigOverrides>> = {
  small: {
    monitoring: {
      async: { pool: { min_size: 3, max_size: 10 }, cache: { max_size: 500, default_ttl: 30 } },
    },
  },
  medium: {
    monitoring: {
      async: { pool: { min_size: 8, max_size: 20 }, cache: { max_size: 1500, default_ttl: 45 } },
    },
  },
  large: {
    monitoring: {
      async: { pool: { min_size: 15, max_size: 35 }, cache: { max_size: 3000, default_ttl: 60 } },
    },
  },
};
