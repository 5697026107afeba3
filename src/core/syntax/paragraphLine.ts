/**
 * The commonest line of a study, one more line of an open paragraph, added without
 * commonmark.js's line loop (`incorporateLine`): two thirds of a review's lines are
 * that, and the loop's work for them (a string of the line, each open container's
 * `continue`, the block-start test, `addLine`) is most of the block phase. Only where
 * the loop can do nothing else: the paragraph keeps no content (blockParser.ts), its
 * containers are block quotes and list items, the line's indentation is spaces (no
 * tab), and its text starts with a character no block start, table row or setext
 * underline can begin with, or with a `#` another character follows (a tag). There the
 * parser's state is set as the loop sets it; any other line goes to the loop. Each step is that container's `continue` in
 * commonmark.js 0.31.2 (the version package.json pins).
 */
import type { BlockParser, Node } from 'commonmark';
import { PLACEHOLDER } from './tables';

/**
 * Character codes after which the line can only be paragraph text: not a space or tab,
 * not in commonmark.js's `reMaybeSpecial` (`#`~*+_=<>0-9-`), not `|` or `:` (a table's
 * delimiter row). Control characters are left to the loop.
 */
const CONTINUES_TEXT = new Uint8Array(128).map((_, code) => (code > 32 && !'#`~*+_=<>0123456789-|:'.includes(String.fromCharCode(code)) ? 1 : 0));

/**
 * True when a line whose text (after at most three spaces) starts at `text` can only be
 * paragraph text: its first character is not one a block can start with, or it is a
 * `#` another character follows (`#code`: an ATX heading's `#`s end at a space, a tab
 * or the line's end).
 */
export function isTextAt(body: string, text: number, end: number): boolean {
  const code = body.charCodeAt(text);
  if (code === HASH) {
    const next = body.charCodeAt(text + 1);
    return text + 1 < end && (next >= 128 || (next > 32 && next !== HASH));
  }
  return code >= 128 || CONTINUES_TEXT[code] === 1;
}

const HASH = 35;
const SPACE = 32;
const TAB = 9;
const GREATER_THAN = 62;

/**
 * Adds the line `body[start, end)` to the open paragraph when it can only continue it,
 * and returns where its text starts in the line; -1 (nothing done) for every other line.
 */
export function continueParagraph(parser: BlockParser, body: string, start: number, end: number): number {
  const tip = parser.tip;
  if (tip.type !== 'paragraph' || tip._string_content !== PLACEHOLDER) return -1;
  let offset = start;
  // The open blocks are the chain of last children from the document to the tip.
  for (let container = parser.doc._lastChild; container !== tip; container = container._lastChild) {
    if (container === null) return -1;
    offset = continueContainer(container, body, offset, end);
    if (offset === -1) return -1;
  }
  const text = skipSpaces(body, offset, end);
  if (text === -1 || text === end || text - offset >= 4 || !isTextAt(body, text, end)) return -1;
  const column = text - start;
  parser.lineNumber++;
  parser.oldtip = tip;
  parser.lastMatchedContainer = tip;
  parser.allClosed = true;
  parser.blank = false;
  parser.partiallyConsumedTab = false;
  parser.indent = text - offset;
  parser.indented = false;
  parser.nextNonspace = parser.nextNonspaceColumn = parser.offset = parser.column = column;
  parser.lastLineLength = end - start;
  return column;
}

/** Where the line goes on after an open container's markers (`continue` returning 0), or -1. */
function continueContainer(container: Node, body: string, offset: number, end: number): number {
  const next = skipSpaces(body, offset, end);
  if (next === -1 || next === end) return -1;
  switch (container.type) {
    case 'list':
      return offset;
    case 'block_quote': {
      if (next - offset >= 4 || body.charCodeAt(next) !== GREATER_THAN) return -1;
      const after = body.charCodeAt(next + 1);
      if (after === TAB) return -1;
      return next + 1 + (after === SPACE && next + 1 < end ? 1 : 0);
    }
    case 'item': {
      const width = container._listData.markerOffset + container._listData.padding;
      return next - offset >= width ? offset + width : -1;
    }
    default:
      return -1;
  }
}

/** The first offset from `offset` that is not a space, or -1 at a tab (columns then differ from offsets). */
export function skipSpaces(body: string, offset: number, end: number): number {
  let at = offset;
  while (at < end && body.charCodeAt(at) === SPACE) at++;
  return at < end && body.charCodeAt(at) === TAB ? -1 : at;
}

/**
 * False when the line `line[start, end)` cannot begin a link reference definition `[label]:`,
 * and so the paragraph it starts holds none (definitions only stand at a paragraph's
 * start): it does not start with `[`, or its label meets an unescaped `[` (a label
 * has none) or ends without `:` right after it, as most span tags `[passage]{#code}` do.
 * True when the label goes on past the line, which this does not read.
 */
export function mayStartDefinition(line: string, start: number, end: number): boolean {
  if (line.charCodeAt(start) !== 91 /* [ */) return false;
  for (let index = start + 1; index < end; index++) {
    const code = line.charCodeAt(index);
    if (code === 92 /* \ */) index++;
    else if (code === 91) return false;
    else if (code === 93 /* ] */) return index + 1 < end && line.charCodeAt(index + 1) === 58 /* : */;
  }
  return true;
}
