/**
 * A study's text as its readers see it, for searching: the blocks tags can code
 * (paragraphs, list items, headings, quote paragraphs, table rows; never the front
 * matter, code blocks or hidden HTML), each on one line of the reader text, with tag
 * syntax, inline code, autolinks, raw HTML and link destinations left out, escapes and
 * character references resolved, and every run of white space (a soft line break and
 * the next line's `> ` included) one space. A match in it maps back to exact file
 * offsets through a short list of pieces: runs copied one to one, and replacements (a
 * space for a line break, `*` for `\*`, `é` for `&eacute;`) that map to their whole source.
 */
import { frontMatterBodyStart } from '../frontMatter';
import { BlockText } from '../syntax/blockText';
import { readBlocks, type MarkdownBlock } from '../syntax/blocks';
import { scanInline } from '../syntax/inline';
import { syntaxRanges } from '../syntax/scanTags';
import { mergeRanges, type OffsetRange } from '../text/ranges';
import { characterReference } from '../text/renderedText';
import { lastAtOrBelow } from '../text/sortedSearch';

/** One block of a study in its reader text. */
export interface ReaderBlock {
  readonly kind: MarkdownBlock['kind'];
  /** `first` for participants' words (blockquotes), `second` for authors' interpretations. */
  readonly order: 'first' | 'second';
  /** File offsets of the block's content, first line's start to last line's end. */
  readonly start: number;
  readonly end: number;
  /** Where the block's text is in the reader text. */
  readonly readerStart: number;
  readonly readerEnd: number;
}

/**
 * What one token of a block's visible text is: white space, an escape, a character
 * reference, a run of plain text (single spaces inside it), or a lone `\` or `&`.
 */
const TOKEN = /(\s+)|\\([!-/:-@[-`{-~])|(&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)|([^\s\\&]+(?: [^\s\\&]+)*)|[\\&]/g;
/**
 * In a stretch without `\\` or `&`, the white space `TOKEN` does not keep inside a run of
 * plain text: every run but a lone space between two other characters. (Finding only
 * these, and not each token, made building reader texts faster.)
 */
const SPACE_BETWEEN_RUNS = /\s{2,}|[^\S ]|^ | $/g;
const PUNCTUATION_START = /^[.,;:!?]/;

/** A study's reader text and the map from it to file offsets. */
export class ReaderText {
  /** The blocks' reader texts, one per line (`\n` between blocks, never inside one). */
  readonly value: string;
  readonly blocks: readonly ReaderBlock[];
  private readonly blockStarts: number[];
  private readonly pieceReader: Int32Array;
  private readonly pieceReaderEnd: Int32Array;
  private readonly pieceFile: Int32Array;
  private readonly pieceFileEnd: Int32Array;

  constructor(built: BuiltReaderText) {
    this.value = built.value;
    this.blocks = built.blocks;
    this.blockStarts = built.blocks.map((block) => block.readerStart);
    this.pieceReader = Int32Array.from(built.pieces.reader);
    this.pieceReaderEnd = Int32Array.from(built.pieces.readerEnd);
    this.pieceFile = Int32Array.from(built.pieces.file);
    this.pieceFileEnd = Int32Array.from(built.pieces.fileEnd);
  }

  /** The index of the block whose reader text holds `offset` (its end included). */
  blockAt(offset: number): number {
    return lastAtOrBelow(this.blockStarts, offset);
  }

  /** The file offset where the reader character at `offset` starts. */
  fileStart(offset: number): number {
    const piece = this.pieceAt(offset);
    if (piece === -1) return 0;
    return this.isCopy(piece) ? this.pieceFile[piece] + Math.max(0, offset - this.pieceReader[piece]) : this.pieceFile[piece];
  }

  /** The file offset just past the reader character before `end`. */
  fileEnd(end: number): number {
    const piece = this.pieceAt(end - 1);
    if (piece === -1) return 0;
    return this.isCopy(piece) ? this.pieceFile[piece] + Math.min(end, this.pieceReaderEnd[piece]) - this.pieceReader[piece] : this.pieceFileEnd[piece];
  }

  /** The file range [start, end) of the reader range [start, end). */
  fileRange(start: number, end: number): OffsetRange {
    return [this.fileStart(start), this.fileEnd(end)];
  }

  private isCopy(piece: number): boolean {
    return this.pieceFileEnd[piece] - this.pieceFile[piece] === this.pieceReaderEnd[piece] - this.pieceReader[piece];
  }

  private pieceAt(offset: number): number {
    const starts = this.pieceReader;
    let low = 0;
    let high = starts.length - 1;
    if (high < 0) return -1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/** What `ReaderText` is made from. */
interface BuiltReaderText {
  readonly value: string;
  readonly blocks: ReaderBlock[];
  readonly pieces: Pieces;
}

/** The pieces of a reader text, as parallel lists. */
interface Pieces {
  readonly reader: number[];
  readonly readerEnd: number[];
  readonly file: number[];
  readonly fileEnd: number[];
}

/** Reads a study's text (BOM removed) as its readers see it. */
export function readerText(text: string): ReaderText {
  const structure = readBlocks(text, frontMatterBodyStart(text));
  const writer = new ReaderWriter();
  const blocks: ReaderBlock[] = [];
  for (const block of structure.blocks) {
    if (blocks.length > 0) writer.separate();
    const readerStart = writer.length;
    const joined = new BlockText(text, block);
    const inline = scanInline(joined.value, { definitions: structure.definitions, tableRow: block.kind === 'tableRow' });
    const removed = mergeRanges([...syntaxRanges(inline.spans, inline.bareTags), ...pairs(inline.hidden)]);
    writer.writeBlock(joined, removed);
    const lines = block.lines;
    blocks.push({ kind: block.kind, order: block.quoteDepth > 0 ? 'first' : 'second', start: lines[0][0], end: lines[lines.length - 1][1], readerStart, readerEnd: writer.length });
  }
  return new ReaderText({ value: writer.parts.join(''), blocks, pieces: writer.pieces });
}

/** Flat `[start, end, …]` pairs as ranges. */
function pairs(flat: readonly number[]): OffsetRange[] {
  const ranges: OffsetRange[] = [];
  for (let index = 0; index + 1 < flat.length; index += 2) ranges.push([flat[index], flat[index + 1]]);
  return ranges;
}

/** Writes blocks' visible text into the reader text, piece by piece. */
class ReaderWriter {
  readonly parts: string[] = [];
  readonly pieces: Pieces = { reader: [], readerEnd: [], file: [], fileEnd: [] };
  length = 0;
  private joined!: BlockText;
  /** Joined offsets [start, end) of white space not written yet (a space, once text follows). */
  private spaceFrom = -1;
  private spaceTo = -1;
  /**
   * Whether syntax was left out after the pending space and nothing since: then a
   * space before punctuation goes (`low #low-pay.` reads `low.`), as in excerpts.
   */
  private removedSince = false;
  private blockHasText = false;

  /** Starts a new block's line. */
  separate(): void {
    this.parts.push('\n');
    this.length++;
  }

  /** Writes one block's visible text: `joined` minus the `removed` ranges (sorted, merged). */
  writeBlock(joined: BlockText, removed: readonly OffsetRange[]): void {
    this.joined = joined;
    this.spaceFrom = -1;
    this.blockHasText = false;
    this.removedSince = false;
    const value = joined.value;
    let cursor = 0;
    for (const [start, end] of removed) {
      if (start > cursor) this.writeStretch(value, cursor, start);
      this.removedSince = this.spaceFrom !== -1;
      cursor = Math.max(cursor, end);
    }
    if (cursor < value.length) this.writeStretch(value, cursor, value.length);
  }

  private writeStretch(value: string, from: number, to: number): void {
    const stretch = from === 0 && to === value.length ? value : value.slice(from, to);
    if (stretch.indexOf('\\') === -1 && stretch.indexOf('&') === -1) {
      this.writePlainStretch(stretch, from);
      return;
    }
    TOKEN.lastIndex = 0;
    for (let match = TOKEN.exec(stretch); match; match = TOKEN.exec(stretch)) {
      const at = from + match.index;
      const [whole, space, escaped, reference, plain] = match;
      if (space !== undefined) {
        this.pendSpace(at, at + whole.length);
      } else if (plain !== undefined) {
        this.write(plain, at, at + plain.length);
      } else if (escaped !== undefined) {
        this.write(escaped, at, at + 2);
      } else if (reference !== undefined) {
        this.write(characterReference(reference)[0], at, at + reference.length);
      } else {
        this.write(whole, at, at + 1);
      }
    }
  }

  /** `writeStretch` for a stretch without escapes or references: the same pieces, found faster. */
  private writePlainStretch(stretch: string, from: number): void {
    let cursor = 0;
    SPACE_BETWEEN_RUNS.lastIndex = 0;
    for (let match = SPACE_BETWEEN_RUNS.exec(stretch); match; match = SPACE_BETWEEN_RUNS.exec(stretch)) {
      const at = match.index;
      if (at > cursor) this.write(stretch.slice(cursor, at), from + cursor, from + at);
      cursor = at + match[0].length;
      this.pendSpace(from + at, from + cursor);
    }
    if (cursor < stretch.length) this.write(stretch.slice(cursor), from + cursor, from + stretch.length);
  }

  /** Notes white space at joined offsets [start, end): one space, if text follows. */
  private pendSpace(start: number, end: number): void {
    if (this.spaceFrom === -1) this.spaceFrom = start;
    this.spaceTo = end;
    this.removedSince = false;
  }

  /** Writes visible text from joined offsets [start, end), after the space before it, if any. */
  private write(value: string, start: number, end: number): void {
    if (this.spaceFrom !== -1 && this.blockHasText && !(this.removedSince && PUNCTUATION_START.test(value))) {
      this.piece(' ', this.spaceFrom, this.spaceTo);
    }
    this.spaceFrom = -1;
    this.removedSince = false;
    this.blockHasText = true;
    this.piece(value, start, end);
  }

  private piece(value: string, start: number, end: number): void {
    const pieces = this.pieces;
    // A space for a line break ends where the next line's text starts, after its `> `.
    const fileStart = this.joined.toFile(start);
    const fileEnd = this.joined.toFile(end);
    this.parts.push(value);
    const readerStart = this.length;
    this.length += value.length;
    const last = pieces.reader.length - 1;
    // A copy right after a copy, in the file as in the reader text, extends it: it maps the same.
    if (fileEnd - fileStart === value.length && last >= 0 && pieces.readerEnd[last] === readerStart && pieces.fileEnd[last] === fileStart && pieces.fileEnd[last] - pieces.file[last] === readerStart - pieces.reader[last]) {
      pieces.readerEnd[last] = this.length;
      pieces.fileEnd[last] = fileEnd;
      return;
    }
    pieces.reader.push(readerStart);
    pieces.readerEnd.push(this.length);
    pieces.file.push(fileStart);
    pieces.fileEnd.push(fileEnd);
  }
}
