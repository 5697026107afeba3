/**
 * A slow but trustworthy reference for the fast tag scanner: parses a study with
 * `mdast-util-from-markdown` (micromark: CommonMark 0.31, exact on the whole spec),
 * plus GFM tables and YAML front matter, and extracts the same facts as `scanTags`
 * from the tree — tags, span tags and the blocks bare tags code. Markdown structure
 * (containers, code, HTML, links, escapes, front matter) comes from micromark alone;
 * only the tag rules of the README are applied here, with the name rules shared with
 * the scanner (`codeName.ts`).
 *
 * micromark's front matter extension is used (rather than the scanner's
 * `readFrontMatter`) so that the end of the front matter is found independently too.
 */
import type { Heading, Nodes, Paragraph, Parents, PhrasingContent, Root, TableRow } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { isInsideBareUrl, isWordCharBefore, normaliseCodeName, scanCodeName } from '../../../src/core/syntax/codeName';
import { parseBraceGroup } from './braceGroup';
import { literalRanges } from './literalText';

/** A tag: its code and the source range of `#name`. */
export interface RefTag {
  readonly code: string;
  readonly start: number;
  readonly end: number;
}

/** A span tag: content range `[start, end)`, whole syntax `[outerStart, outerEnd)`. */
export interface RefSpan {
  readonly start: number;
  readonly end: number;
  readonly outerStart: number;
  readonly outerEnd: number;
  readonly codes: readonly string[];
  readonly order: 'first' | 'second';
}

/** A block coded by bare tags: its source range, codes in order, first/second order. */
export interface RefBlock {
  readonly start: number;
  readonly end: number;
  readonly codes: readonly string[];
  readonly order: 'first' | 'second';
}

/** Everything the reference extracts from one study. */
export interface RefResult {
  readonly tags: RefTag[];
  readonly spans: RefSpan[];
  readonly blocks: RefBlock[];
  /** Offsets where a span's syntax is broken (the scanner reports these as problems). */
  readonly errors: number[];
  /**
   * Source ranges of raw HTML blocks other than comments (`<div>`, `<script>` at a line
   * start). By design the scanner reads only comments as HTML blocks, so the comparison
   * leaves out what starts in these ranges.
   */
  readonly rawHtml: Array<[number, number]>;
}

const options = {
  extensions: [gfmTable(), frontmatter(['yaml'])],
  mdastExtensions: [gfmTableFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
};

/** The mdast tree of a study: CommonMark, GFM tables, YAML front matter. */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, options);
}

/** A block that tags can code, with what the reference found in it. */
interface CodedBlock {
  readonly node: Paragraph | Heading | TableRow;
  readonly kind: 'paragraph' | 'listItem' | 'heading' | 'tableRow';
  readonly order: 'first' | 'second';
  readonly spans: Array<{ open: number; close: number; end: number; tags: RefTag[] }>;
  /** Bare tags outside any span, which code the block itself. */
  readonly ownTags: RefTag[];
  /** Tags of following tag-only paragraphs, which code this block too. */
  readonly borrowed: RefTag[];
}

/** Extracts tags, spans and coded blocks from a study's text with remark. */
export function extractWithRemark(text: string): RefResult {
  const tree = parseMarkdown(text);
  const result: RefResult = { tags: [], spans: [], blocks: [], errors: [], rawHtml: rawHtmlBlocks(tree) };
  let previous: CodedBlock | undefined;
  for (const block of codedBlocks(tree)) {
    scanBlock(text, block, result);
    if (isTagOnlyParagraph(text, block)) {
      if (previous) previous.borrowed.push(...block.ownTags);
      else result.errors.push(block.ownTags[0].start);
      continue;
    }
    if (previous) emitBlock(text, previous, result);
    previous = block;
  }
  if (previous) emitBlock(text, previous, result);
  result.tags.sort((a, b) => a.start - b.start);
  result.spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return result;
}

/**
 * HTML blocks of CommonMark's kinds 6 and 7 (`<div>`, any tag alone on a line): the
 * scanner reads them as text, on purpose. Kinds 1–5 (`<script>`, `<pre>`, `<style>`,
 * `<textarea>`, comments, `<?…?>`, `<!DECL>`, CDATA) hide their content from readers.
 */
const HIDDEN_HTML_BLOCK = /^(?:<(?:script|pre|textarea|style)(?:\s|>|$)|<!--|<\?|<![A-Za-z]|<!\[CDATA\[)/i;

function rawHtmlBlocks(tree: Root): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'html' && !HIDDEN_HTML_BLOCK.test(node.value)) out.push([node.position!.start.offset!, node.position!.end.offset!]);
    else if (node.type === 'root' || node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') node.children.forEach(visit);
  };
  visit(tree);
  return out;
}

/** Paragraphs, headings and table rows in document order, with their kind and order. */
function codedBlocks(tree: Root): CodedBlock[] {
  const out: CodedBlock[] = [];
  const visit = (node: Nodes, parent: Parents | undefined, quoted: boolean): void => {
    const order = quoted ? 'first' : 'second';
    if (node.type === 'paragraph' || node.type === 'heading') {
      const firstOfItem = parent?.type === 'listItem' && parent.children[0] === node;
      const kind = node.type === 'paragraph' ? (firstOfItem ? 'listItem' : 'paragraph') : node.type;
      out.push({ node, kind, order, spans: [], ownTags: [], borrowed: [] });
      return;
    }
    // A tag in a table cell codes its row, the unit of an extraction table.
    if (node.type === 'table') {
      for (const row of node.children) out.push({ node: row, kind: 'tableRow', order, spans: [], ownTags: [], borrowed: [] });
      return;
    }
    // Code, HTML, front matter and definitions hold no tags: never descend into them.
    if (node.type === 'root' || node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem' || node.type === 'footnoteDefinition') {
      for (const child of node.children) visit(child, node, quoted || node.type === 'blockquote');
    }
  };
  visit(tree, undefined, false);
  return out;
}

/** Finds the block's span tags and bare tags among its literal characters. */
function scanBlock(text: string, block: CodedBlock, result: RefResult): void {
  const bareTags: RefTag[] = [];
  // GFM reads each cell of a row on its own: brackets and brace groups end with the cell.
  const units: readonly Nodes[] = block.node.type === 'tableRow' ? block.node.children : [block.node];
  for (const unit of units) {
    const openBrackets: number[] = [];
    const unitEnd = unit.position!.end.offset!;
    // Carried across ranges: a broken brace group skips to its line end, past other nodes.
    let offset = 0;
    for (const [rangeStart, rangeEnd] of literalRanges(text, unit)) {
      offset = Math.max(offset, rangeStart);
      while (offset < rangeEnd) {
        const char = text[offset];
        if (char === '\\' && isAsciiPunctuation(text[offset + 1])) {
          offset += 2; // a backslash escape: the next character is literal text
        } else if (char === '&') {
          offset += characterReferenceLength(text, offset) || 1;
        } else if (char === '[') {
          openBrackets.push(offset++);
        } else if (char === ']') {
          offset = closeBracket(text, offset, openBrackets.pop(), unitEnd, block, result);
        } else if (char === '#') {
          offset = bareTag(text, offset, rangeEnd, bareTags);
        } else {
          offset++;
        }
      }
    }
  }
  for (const tag of bareTags) (innermostSpan(block.spans, tag.start)?.tags ?? block.ownTags).push(tag);
  for (const span of block.spans) {
    // Codes in the braces come first, then bare tags written inside the passage.
    result.spans.push({ start: span.open + 1, end: span.close, outerStart: span.open, outerEnd: span.end, codes: distinct(span.tags), order: block.order });
    result.tags.push(...span.tags);
  }
  result.tags.push(...block.ownTags);
}

/** `]` then `{…#…}` closes a span; anything else is plain text. Returns where to go on. */
function closeBracket(text: string, close: number, open: number | undefined, limit: number, block: CodedBlock, result: RefResult): number {
  if (text[close + 1] !== '{') return close + 1;
  const group = parseBraceGroup(text, close + 1, limit);
  if (group.kind === 'not-a-span') return close + 1;
  if (group.kind === 'error' || open === undefined) {
    result.errors.push(close + 1);
    return group.end;
  }
  block.spans.push({ open, close, end: group.end, tags: group.tags });
  return group.end;
}

/** A bare `#name`, unless a "not a tag" rule of DESIGN.md applies. Returns where to go on. */
function bareTag(text: string, hash: number, limit: number, bareTags: RefTag[]): number {
  if (isWordCharBefore(text, hash) || text[hash - 1] === '#') return hash + 1;
  const nameEnd = scanCodeName(text, hash + 1, limit);
  if (nameEnd === hash + 1) return hash + 1;
  if (isInsideBareUrl(text, hash)) return nameEnd;
  bareTags.push({ code: normaliseCodeName(text.slice(hash + 1, nameEnd)), start: hash, end: nameEnd });
  return nameEnd;
}

/** Emits a block's segment when bare tags (its own or a tag line's after it) code it. */
function emitBlock(text: string, block: CodedBlock, result: RefResult): void {
  const codes = [...block.ownTags, ...block.borrowed];
  if (codes.length === 0) return;
  const [start, end] = blockRange(text, block);
  result.blocks.push({ start, end, codes: distinct(codes), order: block.order });
}

/** The coded range of a block: a heading's content without its markers, else the node. */
function blockRange(text: string, block: CodedBlock): [number, number] {
  const node = block.node;
  const start = node.position!.start.offset!;
  const end = node.position!.end.offset!;
  if (node.type === 'tableRow') return rowRange(text, start, end);
  if (node.type !== 'heading') return [start, end];
  const children = node.children as PhrasingContent[];
  // An empty heading (`### ###`): where its content would start, after the `#`s and spaces.
  if (children.length === 0) return [start + /^#*[ \t]*/.exec(text.slice(start, end))![0].length, start + /^#*[ \t]*/.exec(text.slice(start, end))![0].length];
  const setext = text.slice(start, end).includes('\n'); // an ATX heading is one line
  // remark-gfm may leave split nodes without positions: fall back to the heading's lines.
  const first = children[0].position?.start.offset ?? (setext ? start : start + /^#+[ \t]*/.exec(text.slice(start))![0].length);
  const lastLine = setext ? text.lastIndexOf('\n', end - 1) : start + text.slice(start, end).replace(/(?:[ \t]+#+)?[ \t]*$/, '').length;
  const last = children[children.length - 1].position?.end.offset ?? lastLine;
  return [first, last];
}

/** A table row's range: its cells' text, without the outer pipes and the spaces around them. */
function rowRange(text: string, start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  while (from < to && /[ \t]/.test(text[from])) from++;
  if (text[from] === '|') from++;
  while (from < to && /[ \t]/.test(text[from])) from++;
  while (to > from && /[ \t]/.test(text[to - 1])) to--;
  if (to > from && text[to - 1] === '|' && text[to - 2] !== '\\') to--;
  while (to > from && /[ \t]/.test(text[to - 1])) to--;
  return [from, to];
}

/**
 * A paragraph of bare tags alone (no other text, no span): it codes the block before
 * it. Only paragraphs do: a list item or heading of tags codes itself (DESIGN.md).
 * "Alone" is judged on the source as written: a character reference such as `&#9;`
 * is text the author wrote, even where it decodes to a space.
 */
function isTagOnlyParagraph(text: string, block: CodedBlock): boolean {
  if (block.kind !== 'paragraph' || block.ownTags.length === 0 || block.spans.length > 0) return false;
  const node = block.node as Paragraph;
  if (!node.children.every((child) => child.type === 'text' || child.type === 'break')) return false;
  let rest = node.children.map((child) => (child.type === 'text' ? text.slice(child.position!.start.offset!, child.position!.end.offset!) : ' ')).join(' ');
  for (const tag of block.ownTags) rest = rest.replace(text.slice(tag.start, tag.end), ' ');
  // Quote markers at the start of a continuation line are container syntax, not text.
  return /^\s*$/.test(rest.replace(/\n[ \t>]*/g, ' '));
}

function innermostSpan<T extends { open: number; close: number }>(spans: readonly T[], offset: number): T | undefined {
  let best: T | undefined;
  for (const span of spans) if (span.open < offset && offset < span.close && (!best || span.open > best.open)) best = span;
  return best;
}

/** Length of a valid numeric character reference (`&#39;`, `&#x27;`) at `offset`, or 0. */
function characterReferenceLength(text: string, offset: number): number {
  const match = /^&#(?:[xX][0-9a-fA-F]{1,6}|[0-9]{1,7});/.exec(text.slice(offset, offset + 12));
  return match ? match[0].length : 0;
}

function isAsciiPunctuation(char: string | undefined): boolean {
  return char !== undefined && /^[!-/:-@[-`{-~]$/.test(char);
}

function distinct(tags: readonly RefTag[]): string[] {
  return [...new Set(tags.map((tag) => tag.code))];
}
