/**
 * A fast, line-based splitter of Markdown into the blocks that tags can code:
 * paragraphs, list items, headings and blockquote paragraphs. Code blocks (fenced and
 * indented), HTML comment blocks, thematic breaks, link reference definitions and
 * front matter produce no block, so tags inside them are never seen. It follows
 * CommonMark closely enough for coding
 * (lazy continuation lines, list item indentation, nested quotes) without building a
 * syntax tree; `test/unit/reference` checks it against remark.
 */
import { LinkDefinitions } from './linkDefinitions';

/** A block of Markdown whose inline content may hold tags. */
export interface MarkdownBlock {
  readonly kind: 'paragraph' | 'listItem' | 'heading';
  /** Blockquote nesting depth; > 0 marks participants' words (first order). */
  readonly quoteDepth: number;
  /** Heading depth (1–6) for headings, 0 otherwise. */
  readonly headingDepth: number;
  /** Source offsets [start, end) of each line's content, container markers removed. */
  readonly lines: ReadonlyArray<readonly [number, number]>;
}

interface LineShape {
  /** Offset of the content after blockquote markers. */
  contentStart: number;
  /** Offset of the end of the line's content (before `\r`). */
  contentEnd: number;
  quoteDepth: number;
  /** Columns of indentation of the content (tabs count to the next multiple of 4). */
  indent: number;
  /** Offset of the first non-blank character, or contentEnd when blank. */
  firstChar: number;
}

const fenceOpen = /^(`{3,}|~{3,})([^`]*)$/;
const atxHeading = /^(#{1,6})(?=[ \t]|$)/;
const thematicBreak = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const listMarker = /^([-+*]|\d{1,9}[.)])([ \t]+|$)/;
const setextUnderline = /^(=+|-+)[ \t]*$/;

/** Splits a text (from `bodyStart`, after any front matter) into blocks. */
export function splitBlocks(text: string, bodyStart = 0): MarkdownBlock[] {
  return new BlockSplitter(text).split(bodyStart);
}

/**
 * CommonMark: a list item interrupts a paragraph only when it is not empty and is a
 * bullet or starts at 1, so a wrapped line starting `2005. ` stays in its paragraph.
 */
function mayInterruptParagraph(marker: string, rest: string): boolean {
  if (/^\d/.test(marker) && Number.parseInt(marker, 10) !== 1) return false;
  return rest.slice(marker.length).trim().length > 0;
}

class BlockSplitter {
  private readonly blocks: MarkdownBlock[] = [];
  private open: { kind: MarkdownBlock['kind']; quoteDepth: number; headingDepth: number; lines: [number, number][] } | undefined;
  private fence: { char: string; length: number } | undefined;
  private inHtmlComment = false;
  /** Content column of the innermost open list item, or -1. */
  private listContentIndent = -1;
  private previousBlank = true;
  /** True on the line after an empty list item (`-` alone), which may start its content. */
  private emptyItem = false;
  private readonly definitions = new LinkDefinitions();

  constructor(private readonly text: string) {}

  split(bodyStart: number): MarkdownBlock[] {
    const text = this.text;
    let lineStart = bodyStart;
    while (lineStart <= text.length) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd === -1) lineEnd = text.length;
      const contentEnd = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
      this.line(this.shape(lineStart, contentEnd));
      lineStart = lineEnd + 1;
    }
    this.close();
    return this.blocks;
  }

  /** Strips blockquote markers and measures indentation. */
  private shape(start: number, end: number): LineShape {
    const text = this.text;
    let offset = start;
    let quoteDepth = 0;
    for (;;) {
      let probe = offset;
      let spaces = 0;
      while (probe < end && text.charCodeAt(probe) === 32 && spaces < 3) {
        probe++;
        spaces++;
      }
      if (probe < end && text.charCodeAt(probe) === 62 && !this.fence) {
        quoteDepth++;
        offset = probe + 1;
        if (offset < end && text.charCodeAt(offset) === 32) offset++;
        continue;
      }
      break;
    }
    let indent = 0;
    let firstChar = offset;
    while (firstChar < end) {
      const code = text.charCodeAt(firstChar);
      if (code === 32) indent++;
      else if (code === 9) indent += 4 - (indent % 4);
      else break;
      firstChar++;
    }
    return { contentStart: offset, contentEnd: end, quoteDepth, indent, firstChar };
  }

  private line(line: LineShape): void {
    const text = this.text;
    const rest = text.slice(line.firstChar, line.contentEnd);
    const first = rest.charCodeAt(0);
    if (this.fence) {
      const closing = first === 96 || first === 126 ? rest.match(/^(`{3,}|~{3,})[ \t]*$/) : null;
      if (closing && closing[1][0] === this.fence.char && closing[1].length >= this.fence.length && line.indent < 4) this.fence = undefined;
      return;
    }
    if (this.inHtmlComment) {
      if (rest.includes('-->')) this.inHtmlComment = false;
      return;
    }
    const blank = rest.length === 0;
    if (blank) {
      this.close();
      // An empty list item followed by a blank line stays empty (CommonMark).
      if (this.emptyItem) this.listContentIndent = -1;
      this.emptyItem = false;
      this.definitions.blankLine();
      this.previousBlank = true;
      return;
    }
    const afterDefinition = this.definitions.takeJustEnded();
    if (this.definitions.continues(rest, line.quoteDepth, this.open !== undefined)) return;
    const quoteChanged = this.open !== undefined && line.quoteDepth !== this.open.quoteDepth;
    const lazy = this.open !== undefined && this.open.kind !== 'heading' && line.quoteDepth < this.open.quoteDepth;
    let indent = line.indent;
    let contentStart = line.firstChar;

    // Inside a list item, indentation up to the item's content column belongs to it.
    const startsEmptyItem = this.emptyItem;
    this.emptyItem = false;
    let insideItem = false;
    if (this.listContentIndent >= 0) {
      insideItem = indent >= this.listContentIndent;
      if (insideItem) indent -= this.listContentIndent;
      else if (this.previousBlank || !this.open) this.listContentIndent = -1;
    }
    const continuesParagraph = this.open !== undefined && (!quoteChanged || lazy) && !this.previousBlank;
    /** A line outside the open item that starts a block ends the list (it is not lazy). */
    const leavesList = this.listContentIndent >= 0 && !insideItem;

    if (indent >= 4 && (!this.open || this.previousBlank) && !lazy && !afterDefinition) {
      this.close(); // indented code
      this.previousBlank = false;
      return;
    }
    if (indent < 4) {
      if (this.opensHiddenBlock(rest)) {
        this.startBlock(leavesList);
        return;
      }
      // Each construct is tried only when the line starts with its character (speed).
      const heading = first === 35 ? rest.match(atxHeading) : null;
      if (heading) {
        this.startBlock(leavesList);
        const start = this.skipSpaces(line.firstChar + heading[1].length, line.contentEnd);
        const end = this.trimClosingHashes(start, line.contentEnd);
        this.blocks.push({ kind: 'heading', quoteDepth: line.quoteDepth, headingDepth: heading[1].length, lines: [[start, end]] });
        return;
      }
      if (this.open?.kind === 'paragraph' && !quoteChanged && !leavesList && (first === 61 || first === 45) && setextUnderline.test(rest)) {
        this.open.kind = 'heading';
        this.open.headingDepth = rest[0] === '=' ? 1 : 2;
        this.close();
        this.previousBlank = false;
        return;
      }
      if ((first === 45 || first === 42 || first === 95) && thematicBreak.test(rest)) {
        this.startBlock(leavesList);
        return;
      }
      const marker = first === 45 || first === 43 || first === 42 || (first >= 48 && first <= 57) ? rest.match(listMarker) : null;
      // A lazy line is not in the paragraph's container, so its list item interrupts nothing.
      const interrupts = continuesParagraph && !quoteChanged && (insideItem || this.listContentIndent < 0);
      if (marker && (marker[2].length > 0 || rest.length === marker[1].length) && (!interrupts || mayInterruptParagraph(marker[1], rest))) {
        this.close();
        const spaces = marker[2].length > 4 ? 1 : Math.max(marker[2].length, 1);
        this.listContentIndent = line.indent + marker[1].length + spaces;
        this.previousBlank = false;
        if (rest.length === marker[1].length + marker[2].length) {
          // An empty item holds only the lines indented to its content column.
          this.listContentIndent = line.indent + marker[1].length + 1;
          this.emptyItem = true;
          return;
        }
        contentStart = Math.min(line.firstChar + marker[1].length + spaces, line.contentEnd);
        this.startItem(line, contentStart);
        return;
      }
    }
    if (startsEmptyItem && insideItem) {
      this.open = { kind: 'listItem', quoteDepth: line.quoteDepth, headingDepth: 0, lines: [[contentStart, line.contentEnd]] };
    } else if (continuesParagraph) {
      this.open!.lines.push([contentStart, line.contentEnd]);
    } else {
      this.startBlock(leavesList);
      if (this.definitions.starts(rest, line.quoteDepth, () => this.nextLineContent(line.contentEnd))) return;
      this.open = { kind: 'paragraph', quoteDepth: line.quoteDepth, headingDepth: 0, lines: [[contentStart, line.contentEnd]] };
    }
    this.previousBlank = false;
  }

  /** The next line without indentation and quote markers. */
  private nextLineContent(lineEnd: number): string {
    const start = this.text.indexOf('\n', lineEnd);
    if (start === -1) return '';
    const end = this.text.indexOf('\n', start + 1);
    return this.text.slice(start + 1, end === -1 ? this.text.length : end).replace(/^[ \t>]*/, '').replace(/\r$/, '');
  }

  /** Opens a fence or an HTML comment block at `rest`; true when it did. */
  private opensHiddenBlock(rest: string): boolean {
    const first = rest.charCodeAt(0);
    const fence = first === 96 || first === 126 ? rest.match(fenceOpen) : null;
    if (fence && !(fence[1][0] === '`' && fence[2].includes('`'))) {
      this.fence = { char: fence[1][0], length: fence[1].length };
      return true;
    }
    if (rest.startsWith('<!--')) {
      this.inHtmlComment = !rest.includes('-->', 4);
      return true;
    }
    return false;
  }

  /** Closes the open block before a heading, break, fence or comment starts. */
  private startBlock(leavesList: boolean): void {
    this.close();
    if (leavesList) this.listContentIndent = -1;
    this.previousBlank = false;
  }

  /**
   * Opens a list item's first block. Its content may itself open a quote (`- > "…"`,
   * participants' words), a fence or a comment, as in CommonMark.
   */
  private startItem(line: LineShape, contentStart: number): void {
    const item = this.shape(contentStart, line.contentEnd);
    if (item.indent < 4 && this.opensHiddenBlock(this.text.slice(item.firstChar, line.contentEnd))) return;
    const quoted = item.quoteDepth > 0;
    this.open = {
      kind: quoted ? 'paragraph' : 'listItem',
      quoteDepth: line.quoteDepth + item.quoteDepth,
      headingDepth: 0,
      lines: [[quoted ? item.firstChar : contentStart, line.contentEnd]],
    };
  }

  private skipSpaces(offset: number, end: number): number {
    while (offset < end && (this.text.charCodeAt(offset) === 32 || this.text.charCodeAt(offset) === 9)) offset++;
    return offset;
  }

  /** Drops an ATX heading's optional closing `###` and trailing spaces. */
  private trimClosingHashes(start: number, end: number): number {
    let trimmed = end;
    while (trimmed > start && /[ \t]/.test(this.text[trimmed - 1])) trimmed--;
    let hashes = trimmed;
    while (hashes > start && this.text[hashes - 1] === '#') hashes--;
    if (hashes < trimmed && (hashes === start || /[ \t]/.test(this.text[hashes - 1]))) {
      trimmed = hashes;
      while (trimmed > start && /[ \t]/.test(this.text[trimmed - 1])) trimmed--;
    }
    return trimmed;
  }

  private close(): void {
    if (this.open) this.blocks.push(this.open);
    this.open = undefined;
  }
}
