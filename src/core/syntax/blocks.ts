/**
 * The blocks a study's tags can code — paragraphs, list items, headings, blockquote
 * paragraphs and table rows — with each line's exact source range, read from the
 * CommonMark reference parser's block structure (blockParser.ts). Code blocks, HTML
 * blocks readers do not see, thematic breaks, link reference definitions and front
 * matter make no block, so tags inside them are never read.
 */
import type { Node } from 'commonmark';
import { parseBlocks, type ParsedBlocks } from './blockParser';
import { LinkDefinitions } from './linkDefinitions';
import { PLACEHOLDER, TABLE } from './tables';

/** A block of Markdown whose inline content may hold tags. */
export interface MarkdownBlock {
  /** `listItem` is the first paragraph of a list item; `tableRow` a GitHub table's header or body row. */
  readonly kind: 'paragraph' | 'listItem' | 'heading' | 'tableRow';
  /** Blockquote nesting depth; > 0 marks participants' words (first order). */
  readonly quoteDepth: number;
  /** Heading depth (1–6) for headings, 0 otherwise. */
  readonly headingDepth: number;
  /** Source offsets [start, end) of each line's content, container markers removed. */
  readonly lines: ReadonlyArray<readonly [number, number]>;
}

/** A study's Markdown structure, as far as tags are concerned. */
export interface MarkdownStructure {
  /** The blocks that can hold tags, in document order. */
  readonly blocks: MarkdownBlock[];
  /**
   * Where readers see no text and no tag is read, as file offsets [start, end) of whole
   * lines: code blocks and HTML blocks of CommonMark's kinds 1–5 (`<script>`, `<pre>`,
   * `<style>`, `<textarea>`, comments, `<?…?>`, `<!…>`, CDATA).
   */
  readonly hidden: Array<readonly [number, number]>;
  /** The study's link reference definitions (reference links need them). */
  readonly definitions: LinkDefinitions;
}

/** Reads a text's structure from `bodyStart` (after any front matter). */
export function readBlocks(text: string, bodyStart = 0): MarkdownStructure {
  const parsed = parseBlocks(bodyStart === 0 ? text : text.slice(bodyStart));
  const walk = new BlockWalk(text, bodyStart, parsed);
  walk.visit(parsed.document, 0);
  return { blocks: walk.blocks, hidden: walk.hidden, definitions: new LinkDefinitions(parsed.definitions) };
}

/** Splits a text (from `bodyStart`, after any front matter) into the blocks that can hold tags. */
export function splitBlocks(text: string, bodyStart = 0): MarkdownBlock[] {
  return readBlocks(text, bodyStart).blocks;
}

class BlockWalk {
  readonly blocks: MarkdownBlock[] = [];
  readonly hidden: Array<readonly [number, number]> = [];

  constructor(
    private readonly text: string,
    private readonly bodyStart: number,
    private readonly parsed: ParsedBlocks,
  ) {}

  visit(node: Node, quoteDepth: number): void {
    for (let child = node.firstChild; child; child = child.next) {
      switch (child.type) {
        case 'block_quote':
          this.visit(child, quoteDepth + 1);
          break;
        case 'list':
        case 'item':
          this.visit(child, quoteDepth);
          break;
        case 'paragraph': {
          const firstOfItem = node.type === 'item' && node.firstChild === child;
          const last = child.sourcepos[1][0];
          this.push(firstOfItem ? 'listItem' : 'paragraph', quoteDepth, 0, this.lineRanges(this.firstContentLine(child, last), last));
          break;
        }
        case 'heading':
          this.heading(child, quoteDepth);
          break;
        case 'html_block':
          // Kinds 6 and 7 (`<div>`, a tag alone on a line): its text is read, as a paragraph's.
          if ((child._htmlBlockType ?? 7) >= 6) this.push('paragraph', quoteDepth, 0, this.lineRanges(child.sourcepos[0][0], child.sourcepos[1][0]));
          else this.hide(child);
          break;
        case 'code_block':
          this.hide(child);
          break;
        case TABLE:
          this.table(child, quoteDepth);
          break;
        default: // thematic breaks
      }
    }
  }

  private push(kind: MarkdownBlock['kind'], quoteDepth: number, headingDepth: number, lines: Array<[number, number]>): void {
    if (lines.length > 0) this.blocks.push({ kind, quoteDepth, headingDepth, lines });
  }

  private hide(node: Node): void {
    const { lineStart, lineEnd } = this.parsed;
    this.hidden.push([this.bodyStart + lineStart[node.sourcepos[0][0]], this.bodyStart + lineEnd[node.sourcepos[1][0]]]);
  }

  /** Each line's block text from `first` to `last` (1-based, inclusive), in file offsets. */
  private lineRanges(first: number, last: number): Array<[number, number]> {
    const { lineStart, lineEnd, contentStart } = this.parsed;
    const ranges: Array<[number, number]> = [];
    for (let line = first; line <= last; line++) {
      const start = lineStart[line] + Math.max(0, contentStart[line]);
      ranges.push([this.bodyStart + Math.min(start, lineEnd[line]), this.bodyStart + lineEnd[line]]);
    }
    return ranges;
  }

  /**
   * The first line of a paragraph's (or setext heading's) content, whose last is `last`.
   * Link reference definitions leave a paragraph from its start, and commonmark.js does
   * not always move its start line then (before a setext underline): where the content
   * was kept for those, it is counted back from `last`.
   */
  private firstContentLine(node: Node, last: number): number {
    const first = node.sourcepos[0][0];
    const { lineStart, contentStart } = this.parsed;
    if (node._string_content === PLACEHOLDER || this.text.charCodeAt(this.bodyStart + lineStart[first] + Math.max(0, contentStart[first])) !== 91) return first;
    return last - lineCount(node) + 1;
  }

  private heading(node: Node, quoteDepth: number): void {
    const [[first], [last]] = node.sourcepos;
    const depth = node.level ?? 1;
    if (first === last) {
      this.push('heading', quoteDepth, depth, [this.atxContent(node)]);
      return;
    }
    // A setext heading: its content lines end before the underline.
    this.push('heading', quoteDepth, depth, this.lineRanges(this.firstContentLine(node, last - 1), last - 1));
  }

  /** An ATX heading's content: after `#`s and spaces, without the closing `#`s and trailing spaces. */
  private atxContent(node: Node): [number, number] {
    const [[line, column]] = node.sourcepos;
    const text = this.text;
    let start = this.bodyStart + this.parsed.lineStart[line] + column - 1;
    while (text.charCodeAt(start) === 35 /* # */) start++;
    while (isSpaceOrTab(text.charCodeAt(start))) start++;
    let end = start + (node._string_content ?? '').length;
    while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
    return [start, end];
  }

  /** A table's rows (its header, then its body; the delimiter row holds no text), each a block. */
  private table(node: Node, quoteDepth: number): void {
    const [[header], [last]] = node.sourcepos;
    for (let line = header; line <= last; line++) {
      if (line === header + 1) continue;
      const [[start, end]] = this.lineRanges(line, line);
      this.push('tableRow', quoteDepth, 0, [rowContent(this.text, start, end)]);
    }
  }
}

/** The lines of a paragraph's (or setext heading's) content, where it is kept. */
function lineCount(node: Node): number {
  const content = node._string_content ?? '';
  let count = 0;
  for (let index = content.indexOf('\n'); index !== -1; index = content.indexOf('\n', index + 1)) count++;
  return Math.max(count, 1);
}

/** A row's cells: the line without the outer pipes and the spaces around them. */
function rowContent(text: string, start: number, end: number): [number, number] {
  while (start < end && isSpaceOrTab(text.charCodeAt(start))) start++;
  if (text.charCodeAt(start) === 124 /* | */) start++;
  while (start < end && isSpaceOrTab(text.charCodeAt(start))) start++;
  while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  if (end > start && text.charCodeAt(end - 1) === 124 && text.charCodeAt(end - 2) !== 92 /* \ */) end--;
  while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}
