/** How `loadStrategy` reads a strategy name from config. */
export type StrategyModuleName =
  | { readonly kind: 'path'; readonly path: string }
  | { readonly kind: 'packages'; readonly candidates: readonly string[] };

/** True for an absolute path, a `./` or `../` path, or a `file:` URL. */
export function isModulePath(name: string): boolean {
  return name.startsWith('file:') || name.startsWith('/') || name.startsWith('./') || name.startsWith('../');
}

/**
 * The package names a strategy name stands for: `x` means `@tmux-orc/strategy-x`, then
 * `tmux-orc-strategy-x`; a scoped name (`@acme/tmux-orc-strategy-x`) or a full
 * `tmux-orc-strategy-*` name means itself. Any other bare name is never imported as is, so a
 * typo in config cannot load an unrelated package.
 */
export function strategyModuleName(name: string): StrategyModuleName {
  if (isModulePath(name)) return { kind: 'path', path: name };
  if (name.startsWith('@') || name.startsWith('tmux-orc-strategy-')) return { kind: 'packages', candidates: [name] };
  return { kind: 'packages', candidates: [`@tmux-orc/strategy-${name}`, `tmux-orc-strategy-${name}`] };
}
