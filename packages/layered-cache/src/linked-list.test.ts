import { describe, expect, it } from 'vitest';
import { appendNode, unlinkNode, type LinkedList, type ListLinks } from './linked-list.js';

interface Item {
  name: string;
  links: ListLinks<Item>;
}

const item = (name: string): Item => ({ name, links: { older: undefined, newer: undefined } });
const links = (node: Item) => node.links;

function names(list: LinkedList<Item>): string[] {
  const seen: string[] = [];
  for (let node = list.oldest; node !== undefined; node = node.links.newer) seen.push(node.name);
  return seen;
}

describe('intrusive linked list', () => {
  it('keeps append order and unlinks from the front, middle and back', () => {
    const list: LinkedList<Item> = { oldest: undefined, newest: undefined };
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(item) as [Item, Item, Item, Item];
    for (const node of [a, b, c, d]) appendNode(list, node, links);
    expect(names(list)).toEqual(['a', 'b', 'c', 'd']);
    unlinkNode(list, b, links);
    expect(names(list)).toEqual(['a', 'c', 'd']);
    unlinkNode(list, a, links);
    unlinkNode(list, d, links);
    expect(names(list)).toEqual(['c']);
    expect(list.newest).toBe(c);
    unlinkNode(list, c, links);
    expect(list).toEqual({ oldest: undefined, newest: undefined });
    appendNode(list, b, links); // an unlinked node can be appended again
    expect(names(list)).toEqual(['b']);
  });
});
