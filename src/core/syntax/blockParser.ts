/**
 * The block structure of a study from commonmark.js, the CommonMark reference
 * implementation (exact on the whole spec, and ~100 MB/s for blocks alone), plus GitHub
 * tables. Only the block phase runs: the tag scanner reads inline text itself, so
 * commonmark.js's inline phase is switched off. Its parser is asked one more thing, by
 * wrapping `addLine`: where in each source line the text it adds to a block starts,
 * once container markers (`> `, list indentation, tabs) are consumed, so every block's
 * lines map back to exact source offsets.
 */
import { Node, Parser, type BlockParser } from 'commonmark';
import { TABLE, tableBlock, tableStart } from './tables';

/** A parsed document: the tree and where each line's block text starts. */
export interface ParsedBlocks {
  readonly document: Node;
  /** Per 1-based line number, the offset in the body where the line starts, and where it ends (before its line break). */
  readonly lineStart: Int32Array;
  readonly lineEnd: Int32Array;
  /**
   * Per 1-based line number, the character index in the line where the text added to
   * a block starts, or -1 for lines that added none (container markers only, fences).
   * Lazy continuation lines are marked by `lazy`.
   */
  readonly contentStart: Int32Array;
  readonly lazy: Uint8Array;
  /** Link reference definitions by normalised label (commonmark.js's own map). */
  readonly definitions: Readonly<Record<string, unknown>>;
}

// commonmark.js looks block behaviours up in one shared table: the table block joins it.
const shared = new Parser();
shared.blocks[TABLE] = tableBlock;
const blockStarts = [...shared.blockStarts];
// After the list item start (`- | -` is a list item) and before indented code.
blockStarts.splice(blockStarts.length - 1, 0, tableStart);

/** Parses the blocks of `body` (a study's text after its front matter). */
export function parseBlocks(body: string): ParsedBlocks {
  const { lineStart, lineEnd } = splitLines(body);
  const contentStart = new Int32Array(lineStart.length).fill(-1);
  const lazy = new Uint8Array(lineStart.length);
  const parser = new Parser();
  parser.blockStarts = blockStarts;
  parser.processInlines = () => {};
  const addLine = parser.addLine;
  parser.addLine = function (this: BlockParser): void {
    contentStart[this.lineNumber] = this.offset + (this.partiallyConsumedTab ? 1 : 0);
    if (!this.allClosed) lazy[this.lineNumber] = 1;
    addLine.call(this);
  };
  const document = parseLines(parser, body, lineStart, lineEnd);
  return { document, lineStart, lineEnd, contentStart, lazy, definitions: parser.refmap };
}

/**
 * `parser.parse(body)`, with the lines already split: commonmark.js's `parse` splits
 * the input with a regular expression again (a tenth of its time); this is its loop.
 */
function parseLines(parser: BlockParser, body: string, lineStart: Int32Array, lineEnd: Int32Array): Node {
  const document = new Node('document', [
    [1, 1],
    [0, 0],
  ]);
  Object.assign(parser, { doc: document, tip: document, oldtip: document, refmap: {}, lineNumber: 0, lastLineLength: 0, offset: 0, column: 0, lastMatchedContainer: document, currentLine: '' });
  // A final line break ends the last line; it does not start another.
  const count = lineStart.length - 2 - (body.charCodeAt(body.length - 1) === 10 ? 1 : 0);
  for (let line = 1; line <= count; line++) parser.incorporateLine(body.slice(lineStart[line], lineEnd[line]));
  while (parser.tip) parser.finalize(parser.tip, count);
  return document;
}

/** Where each line starts and ends, split as commonmark.js splits them (`\r\n`, `\n` or `\r`). */
function splitLines(text: string): { lineStart: Int32Array; lineEnd: Int32Array } {
  const breaks: number[] = [];
  if (text.indexOf('\r') === -1) {
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) breaks.push(index);
  } else {
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === 10 || code === 13) breaks.push(index);
      if (code === 13 && text.charCodeAt(index + 1) === 10) index++;
    }
  }
  const lineStart = new Int32Array(breaks.length + 3);
  const lineEnd = new Int32Array(breaks.length + 3);
  let start = 0;
  for (let line = 1; line <= breaks.length; line++) {
    const end = breaks[line - 1];
    lineStart[line] = start;
    lineEnd[line] = end;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  lineStart[breaks.length + 1] = start;
  lineEnd[breaks.length + 1] = text.length;
  return { lineStart, lineEnd };
}
