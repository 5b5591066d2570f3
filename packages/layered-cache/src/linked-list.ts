/** A node's neighbours in one intrusive list; a node can sit in several lists at once. */
export interface ListLinks<Node> {
  older: Node | undefined;
  newer: Node | undefined;
}

/** Ends of an intrusive doubly linked list, oldest first. O(1) append, unlink and oldest. */
export interface LinkedList<Node> {
  oldest: Node | undefined;
  newest: Node | undefined;
}

/** Adds `node` as the newest of `list`. */
export function appendNode<Node>(list: LinkedList<Node>, node: Node, links: (node: Node) => ListLinks<Node>): void {
  const own = links(node);
  own.older = list.newest;
  own.newer = undefined;
  if (list.newest === undefined) list.oldest = node;
  else links(list.newest).newer = node;
  list.newest = node;
}

/** Removes `node` from `list`; it must be in it. */
export function unlinkNode<Node>(list: LinkedList<Node>, node: Node, links: (node: Node) => ListLinks<Node>): void {
  const own = links(node);
  if (own.older === undefined) list.oldest = own.newer;
  else links(own.older).newer = own.newer;
  if (own.newer === undefined) list.newest = own.older;
  else links(own.newer).older = own.older;
  own.older = undefined;
  own.newer = undefined;
}
