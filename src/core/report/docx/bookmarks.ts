/**
 * Links inside the Word report: a heading that a `#anchor` link of the report points to
 * gets a bookmark, and the link becomes an internal hyperlink to it. Only linked
 * headings are bookmarked, so a report without such links is written as before.
 */
import type { Heading, Nodes, RootContent } from 'mdast';
import { sectionAnchors } from '../sectionAnchors';

/**
 * A Word bookmark name for an anchor: letters, digits and `_` only, at most 40
 * characters; the leading `_` hides it from Word's bookmark list, as Word's own `_Toc`
 * bookmarks are.
 */
export function bookmarkName(anchor: string): string {
  return `_Qs_${anchor.replace(/[^\p{L}\p{N}]/gu, '_')}`.slice(0, 40);
}

/** The headings some `#anchor` link of `nodes` points to, each with its bookmark name. */
export function linkedHeadings(nodes: readonly RootContent[]): Map<Heading, string> {
  const targets = new Set<string>();
  const visit = (node: Nodes): void => {
    if (node.type === 'link' && node.url.startsWith('#')) targets.add(node.url.slice(1));
    if ('children' in node) for (const child of node.children) visit(child);
  };
  for (const node of nodes) visit(node);
  const out = new Map<Heading, string>();
  for (const [heading, anchor] of sectionAnchors(nodes)) if (targets.has(anchor)) out.set(heading, bookmarkName(anchor));
  return out;
}
