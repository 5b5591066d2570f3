import { profileNames, type ProfileName } from '@tmux-orc/config';
import { Option, type Command } from 'commander';
import { processIo, type CommandIo } from '../shared/command-io.js';
import type { GlobalConfigOptions } from './config-io.js';

/** Registers `tmux-orc config show|validate|init` on the root program. */
export function registerConfigCommands(program: Command, io: CommandIo = processIo()): void {
  const config = program.command('config').description('show, check and create the tmux-orc configuration');

  config
    .command('show')
    .description('print the effective configuration (defaults < profile < config.yaml < --config < env < flags)')
    .option('--sources', 'show where every value came from')
    .option('--json', 'print JSON')
    .action(async (options: { sources?: boolean; json?: boolean }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalConfigOptions>();
      process.exitCode = await (await import('./config-show.js')).runConfigShow({ ...globals, ...options }, io);
    });

  config
    .command('validate')
    .description('check FILE (or the effective configuration); exit 2 and list every problem when invalid')
    .argument('[file]', 'a config file to check on its own')
    .action(async (file: string | undefined, _options: unknown, command: Command) => {
      process.exitCode = await (await import('./config-validate.js')).runConfigValidate(file, command.optsWithGlobals<GlobalConfigOptions>(), io);
    });

  config
    .command('init')
    .description('write a commented config.yaml into $TMUX_ORC_HOME (default ~/.tmux-orchestrator)')
    .addOption(new Option('--profile <profile>', 'start from a tuning profile').choices(profileNames))
    .option('--force', 'overwrite an existing config.yaml')
    .action(async (options: { profile?: ProfileName; force?: boolean }) => {
      process.exitCode = await (await import('./config-init.js')).runConfigInit(options, io);
    });
}
