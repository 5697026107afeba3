/**
 * A line inside a fenced code block or an HTML block at the document's top level (no
 * container's markers to follow), read without commonmark.js's line loop
 * (`incorporateLine`): the block's `continue` and `addLine` as commonmark.js 0.31.2 (the
 * version package.json pins) runs them, and a closing fence or an HTML end condition
 * closes the block. Lines with a tab in their indentation, and the blank line that ends
 * an HTML block of kind 6 or 7, go to the loop.
 */
import type { BlockParser, Node } from 'commonmark';
import { NO_TEXT } from './containerLine';
import { skipSpaces } from './paragraphLine';

const SPACE = 32;
const TAB = 9;

/** commonmark.js's end conditions of HTML blocks of kinds 1–5 (`reHtmlBlockClose`). */
const HTML_BLOCK_CLOSE = [/./, /<\/(?:script|pre|textarea|style)>/i, /-->/, /\?>/, />/, /\]\]>/];

/**
 * Adds the line `body[start, end)` to the open top-level code or HTML block and returns
 * where its text starts, or NO_TEXT for a closing fence; -1 (nothing done) for every
 * other line.
 */
export function leafLine(parser: BlockParser, body: string, start: number, end: number): number {
  const tip = parser.tip;
  if (tip.parent !== parser.doc) return -1;
  const next = skipSpaces(body, start, end);
  if (next === -1) return -1;
  if (tip.type === 'code_block' && tip._isFenced) return fencedLine(parser, tip, body, next, start, end);
  if (tip.type === 'html_block') return htmlLine(parser, tip, body, next, start, end);
  return -1;
}

function fencedLine(parser: BlockParser, block: Node, body: string, next: number, start: number, end: number): number {
  const fence = closingFence(block, body, next, start, end);
  if (fence > 0) {
    parser.lineNumber++;
    setLine(parser, block, start, start, next, end);
    parser.lastLineLength = next - start + fence;
    parser.finalize(block, parser.lineNumber);
    return NO_TEXT;
  }
  // As many spaces as the fence's indentation are skipped (the line's indentation has no tab).
  let text = start;
  for (let skip = block._fenceOffset ?? 0; skip > 0 && text < next; skip--) text++;
  parser.lineNumber++;
  block._string_content += `${body.slice(text, end)}\n`;
  setLine(parser, block, text, start, next, end);
  return text - start;
}

/** The length of the closing fence the line is, or 0: the block's fence character, as many or more, then only spaces and tabs. */
function closingFence(block: Node, body: string, next: number, start: number, end: number): number {
  const fence = block._fenceChar?.charCodeAt(0);
  if (next === end || next - start > 3 || body.charCodeAt(next) !== fence) return 0;
  let after = next;
  while (after < end && body.charCodeAt(after) === fence) after++;
  for (let rest = after; rest < end; rest++) if (body.charCodeAt(rest) !== SPACE && body.charCodeAt(rest) !== TAB) return 0;
  const length = after - next;
  return length >= 3 && length >= (block._fenceLength ?? 0) ? length : 0;
}

function htmlLine(parser: BlockParser, block: Node, body: string, next: number, start: number, end: number): number {
  const kind = block._htmlBlockType ?? 7;
  // A blank line ends kinds 6 and 7 (its `continue` fails).
  if (next === end && kind >= 6) return -1;
  parser.lineNumber++;
  const line = body.slice(start, end);
  block._string_content += `${line}\n`;
  setLine(parser, block, start, start, next, end);
  if (kind <= 5 && HTML_BLOCK_CLOSE[kind].test(line)) parser.finalize(block, parser.lineNumber);
  return 0;
}

/** The loop's state after a line of the block `block`, read from `text`; `next` is its first non-space. */
function setLine(parser: BlockParser, block: Node, text: number, start: number, next: number, end: number): void {
  parser.oldtip = parser.lastMatchedContainer = block;
  parser.allClosed = true;
  parser.blank = next === end;
  parser.partiallyConsumedTab = false;
  parser.indent = next - start;
  parser.indented = next - start >= 4;
  parser.offset = parser.column = text - start;
  parser.nextNonspace = parser.nextNonspaceColumn = next - start;
  parser.lastLineLength = end - start;
}
