/**
 * When (ms since its last look) pane `paneId` is due for a staleness look: a fixed point between
 * half the bound and the bound, drawn from the pane id (FNV-1a, then murmur3's finaliser:
 * ids like `%1`…`%999` differ in a character or two). Panes looked at together — every
 * pane at start, after a server restart — then come due one by one over half the bound instead of
 * all in the same cycle, and each keeps its own rhythm; none goes longer than the bound.
 */
export function staleAfter(paneId: string, stalenessMs: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < paneId.length; i += 1) hash = Math.imul(hash ^ paneId.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  const fraction = ((hash ^ (hash >>> 16)) >>> 0) / 0x1_0000_0000;
  return stalenessMs * (1 - fraction / 2);
}
