/** How to tell which version of an agent CLI a process runs. */
export interface AgentCliBinary {
  /** npm packages (wrapper and platform packages) whose `package.json` next to the executable or script names the version. */
  readonly packages: RegExp | null;
  /** Executable names that answer `--version` when nothing on disk tells the version. */
  readonly names: readonly string[];
  /** A path pattern whose first group is the version (Claude Code's native installer keeps `~/.local/share/claude/versions/<version>`). */
  readonly versionedPath?: RegExp;
}

/** The agent CLIs of the built-in detectors, by detector id. */
export const agentCliBinaries: Readonly<Record<string, AgentCliBinary>> = {
  'claude-code': { packages: /^@anthropic-ai\/claude-code(?:-[a-z0-9-]+)?$/u, names: ['claude'], versionedPath: /\/claude\/versions\/(\d+\.\d+\.\d+)$/u },
  codex: { packages: /^@openai\/codex(?:-[a-z0-9-]+)?$/u, names: ['codex'] },
  gemini: { packages: /^@google\/gemini-cli$/u, names: ['gemini'] },
  aider: { packages: null, names: ['aider'] },
};
