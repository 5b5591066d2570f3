import type { StrategyFactory } from '@tmux-orc/strategies';

/**
 * `window-prefix`: panes whose window name starts with `prefix` (default `Claude-`), and the PM
 * when `include_pm` (default true), are looked at every cycle; every other pane every `every`-th
 * cycle (default 5) and on first sight.
 */
export declare const createStrategy: StrategyFactory;
