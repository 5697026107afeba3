/**
 * Small factories for the mdast nodes the report is made of. Study and codebook text
 * only ever enters the tree as `text` (or `inlineCode`) nodes, so the Markdown
 * serialiser escapes it and the HTML renderer never sees it as markup.
 */
import type { BlockContent, Heading, PhrasingContent, Table, TableCell } from 'mdast';

/** A text node. */
export const text = (value: string): PhrasingContent => ({ type: 'text', value });
/** Bold text. */
export const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
/** Italic text. */
export const emphasis = (value: string): PhrasingContent => ({ type: 'emphasis', children: [text(value)] });
/** Code-formatted text. */
export const inlineCode = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
/** A link with text. */
export const link = (url: string, value: string): PhrasingContent => ({ type: 'link', url, children: [text(value)] });
/** A line break: `<br>` in HTML, a space inside a Markdown table cell. */
export const lineBreak = (): PhrasingContent => ({ type: 'break' });
/** A paragraph. */
export const paragraph = (...children: PhrasingContent[]): BlockContent => ({ type: 'paragraph', children });

/** A heading; depths past 6 stay at 6. */
export function heading(depth: number, ...children: PhrasingContent[]): Heading {
  return { type: 'heading', depth: Math.min(6, Math.max(1, depth)) as Heading['depth'], children };
}

/** `a `b` c` → text, code, text: backticks in the report's own wording mark code. */
export function prose(value: string): PhrasingContent[] {
  return value.split('`').map((part, index) => (index % 2 === 1 ? inlineCode(part) : text(part))).filter((node) => node.type !== 'text' || node.value !== '');
}

/** A GFM table; cell text has its line breaks folded so rows stay on one line. */
export function table(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | PhrasingContent[]>>): Table {
  return {
    type: 'table',
    align: header.map(() => null),
    children: [header, ...rows].map((row) => ({ type: 'tableRow', children: row.map(cell) })),
  };
}

function cell(value: string | PhrasingContent[]): TableCell {
  return { type: 'tableCell', children: typeof value === 'string' ? [text(value.replace(/\s+/g, ' ').trim())] : value };
}

/** A tight bullet list of paragraphs. */
export function bulletList(items: ReadonlyArray<PhrasingContent[]>): BlockContent {
  return { type: 'list', ordered: false, spread: false, children: items.map((children) => ({ type: 'listItem', spread: false, children: [paragraph(...children)] })) };
}

/** A block quote of one paragraph. */
export function blockquote(...children: PhrasingContent[]): BlockContent {
  return { type: 'blockquote', children: [paragraph(...children)] };
}
