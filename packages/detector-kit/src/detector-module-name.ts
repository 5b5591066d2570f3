/** How `loadDetector` reads a detector name from config. */
export type DetectorModuleName =
  | { readonly kind: 'path'; readonly path: string }
  | { readonly kind: 'packages'; readonly candidates: readonly string[] };

/**
 * The modules a detector name stands for: an absolute, `./` or `../` path or a `file:` URL is
 * itself; `x` means `@tmux-orc/detector-x`, then `tmux-orc-detector-x`; a scoped name
 * (`@acme/tmux-orc-detector-x`) or a full `tmux-orc-detector-*` name means itself. Any other bare
 * name is never imported as is, so a typo in config cannot load an unrelated package.
 */
export function detectorModuleName(name: string): DetectorModuleName {
  if (['file:', '/', './', '../'].some((start) => name.startsWith(start))) return { kind: 'path', path: name };
  if (name.startsWith('@') || name.startsWith('tmux-orc-detector-')) return { kind: 'packages', candidates: [name] };
  return { kind: 'packages', candidates: [`@tmux-orc/detector-${name}`, `tmux-orc-detector-${name}`] };
}
