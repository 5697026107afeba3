/**
 * The next commonest lines after a paragraph's plain continuation (paragraphLine.ts):
 * an empty line, which closes the open paragraph or heading and the block quotes
 * around it (not the lists), and a paragraph's first line at the document's top level
 * (or a block quote's).
 * Added without commonmark.js's line loop (`incorporateLine`), with the parser's state
 * set as the loop sets it (commonmark.js 0.31.2, the version package.json pins); any
 * other line goes to the loop.
 */
import type { BlockParser } from 'commonmark';
import { isTextAt, skipSpaces } from './paragraphLine';
import { PLACEHOLDER } from './tables';

const OPEN_BRACKET = 91;
const GREATER_THAN = 62;
const SPACE = 32;
const TAB = 9;

/**
 * Reads an empty line when the open blocks are lists, list items, block quotes and the
 * paragraph or heading innermost: it continues each list and each item that holds a
 * block (the loop's `continue`), and closes the first other block and all inside it,
 * each ending on the line before (`closeUnmatchedBlocks`). Returns false, nothing done,
 * for every other line (in a code block, HTML block or table).
 */
export function emptyLine(parser: BlockParser): boolean {
  const doc = parser.doc;
  // The last block the line continues: the tip's innermost ancestor below every block it closes.
  let matched = parser.tip;
  for (let open = parser.tip; open !== doc; open = open.parent!) {
    const type = open.type;
    if (type === 'list' || (type === 'item' && open.firstChild !== null)) continue;
    if (type !== 'block_quote' && type !== 'paragraph' && type !== 'heading' && type !== 'item') return false;
    matched = open.parent!;
  }
  parser.lineNumber++;
  while (parser.tip !== matched) parser.finalize(parser.tip, parser.lineNumber - 1);
  parser.oldtip = parser.lastMatchedContainer = matched;
  parser.allClosed = true;
  parser.blank = true;
  parser.partiallyConsumedTab = parser.indented = false;
  parser.currentLine = '';
  parser.offset = parser.column = parser.nextNonspace = parser.nextNonspaceColumn = parser.indent = 0;
  parser.lastLineLength = 0;
  return true;
}

/**
 * Opens a paragraph at the line `body[start, end)` when no block is open and the line
 * can only start one, in a new block quote when it starts with `>` (one, then a space
 * or none); its text as `continueParagraph` judges it, and not `[`, which may start a
 * link reference definition. Returns where its text starts; -1 (nothing done) for every
 * other line.
 */
export function openParagraph(parser: BlockParser, body: string, start: number, end: number): number {
  if (parser.tip !== parser.doc) return -1;
  const first = skipSpaces(body, start, end);
  if (first === -1 || first === end || first - start >= 4) return -1;
  const quote = body.charCodeAt(first) === GREATER_THAN;
  // After the quote marker: its one optional space (a tab is left to the loop, which counts it in columns).
  const after = !quote ? start : body.charCodeAt(first + 1) === TAB ? -1 : first + 1 + (body.charCodeAt(first + 1) === SPACE && first + 1 < end ? 1 : 0);
  const text = !quote ? first : after === -1 ? -1 : skipSpaces(body, after, end);
  if (text === -1 || text === end || text - after >= 4) return -1;
  if (body.charCodeAt(text) === OPEN_BRACKET || !isTextAt(body, text, end)) return -1;
  const column = text - start;
  parser.lineNumber++;
  parser.oldtip = parser.lastMatchedContainer = parser.doc;
  parser.allClosed = true;
  parser.blank = parser.partiallyConsumedTab = parser.indented = false;
  parser.indent = text - after;
  parser.nextNonspace = parser.nextNonspaceColumn = parser.offset = parser.column = column;
  if (quote) parser.addChild('block_quote', first - start);
  // The paragraph keeps no content: the placeholder, as blockParser.ts's addLine gives it.
  parser.addChild('paragraph', column)._string_content = PLACEHOLDER;
  parser.lastLineLength = end - start;
  return column;
}
