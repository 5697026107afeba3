/**
 * The HTML report's table of contents and heading anchors: every section (h2) and
 * sub-section (h3) gets an id made from its text, and a Contents list of links to them
 * goes before the first section. Added after sanitising: the ids are ours, made of
 * letters, digits and hyphens.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';

const element = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({ type: 'element', tagName, properties, children });

/** The text of a node and its descendants. */
function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(textOf).join('') : '';
}

/** `Themes × perspective` → `themes-perspective`; repeats get `-2`, `-3` … */
export function headingSlug(text: string, taken: Set<string>): string {
  const base = text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'section';
  let slug = base;
  for (let number = 2; taken.has(slug); number++) slug = `${base}-${number}`;
  taken.add(slug);
  return slug;
}

/** Gives the top-level h2 and h3 headings ids and puts a Contents list before the first h2. */
export function addContents(tree: HastRoot): void {
  const taken = new Set<string>();
  const items: Array<{ entry: Element; children: Element[] }> = [];
  for (const node of tree.children) {
    if (node.type !== 'element' || (node.tagName !== 'h2' && node.tagName !== 'h3')) continue;
    const title = textOf(node);
    const id = headingSlug(title, taken);
    node.properties = { ...node.properties, id };
    const entry = element('li', {}, [element('a', { href: `#${id}` }, [{ type: 'text', value: title }])]);
    if (node.tagName === 'h2' || items.length === 0) items.push({ entry, children: [] });
    else items[items.length - 1].children.push(entry);
  }
  if (items.length === 0) return;
  const list = element('ol', {}, items.map(({ entry, children }) => (children.length > 0 ? { ...entry, children: [...entry.children, element('ol', {}, children)] } : entry)));
  const nav = element('nav', { ariaLabel: 'Contents', className: ['contents'] }, [element('h2', { id: headingSlug('Contents', taken) }, [{ type: 'text', value: 'Contents' }]), list]);
  const first = tree.children.findIndex((node: RootContent) => node.type === 'element' && node.tagName === 'h2');
  tree.children.splice(first, 0, nav);
}
