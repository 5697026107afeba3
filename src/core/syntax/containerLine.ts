/**
 * The commonest lines the other fast paths (paragraphLine.ts, topLevelLine.ts) leave to
 * commonmark.js's line loop (`incorporateLine`), read without it: a line that follows
 * the open lists, list items and block quotes (as far as it continues them) and then
 * - is paragraph text: a lazy continuation of the open paragraph, or a new paragraph
 *   once the blocks the line does not continue close (after a list's blank line);
 * - starts a bullet list item whose text follows: a list's next item, or a new list;
 * - is an ATX heading, a block quote's first line, a code fence or an HTML comment.
 * There the parser's state is set as the loop sets it (commonmark.js 0.31.2, the version
 * package.json pins), each step named after the loop's; any other line (a tab before
 * its text, an ordered list, an empty item, text that may start a link reference
 * definition, …) goes to the loop.
 */
import type { BlockParser, ListData, Node } from 'commonmark';
import { isTextAt, mayStartDefinition, skipSpaces } from './paragraphLine';
import { PLACEHOLDER } from './tables';

/** Returned for a line read that adds no text to a block (a heading, a closing fence). */
export const NO_TEXT = -2;

const SPACE = 32;
const TAB = 9;
const HASH = 35;
const GREATER_THAN = 62;
const LESS_THAN = 60;
const OPEN_BRACKET = 91;
const BACKTICK = 96;
const TILDE = 126;

/** The last open block the line continues, and where the line goes on after its markers. */
let matched: Node;
let matchedAt = 0;

/**
 * Reads the line `body[start, end)` when it is one of the kinds above, and returns where
 * its block text starts in the line, or NO_TEXT; -1 (nothing done) for every other line.
 */
export function containerLine(parser: BlockParser, body: string, start: number, end: number): number {
  if (!matchContainers(parser, body, start, end)) return -1;
  const first = skipSpaces(body, matchedAt, end);
  if (first === -1 || first === end || first - matchedAt >= 4) return -1;
  const code = body.charCodeAt(first);
  if (isTextAt(body, first, end)) return parser.tip.type === 'paragraph' ? paragraphText(parser, body, first, start, end) : newParagraph(parser, body, first, start, end);
  if (code === 45 /* - */ || code === 42 /* * */ || code === 43 /* + */) return bulletItem(parser, body, first, start, end);
  if (code === HASH) return atxHeading(parser, body, first, start, end);
  if (code === GREATER_THAN) return quoteStart(parser, body, first, start, end);
  if (code === BACKTICK || code === TILDE) return fenceStart(parser, body, first, start, end);
  if (code === LESS_THAN && body.startsWith('<!--', first)) return commentStart(parser, body, first, start, end);
  return -1;
}

/**
 * The loop's first step: each open block's `continue`, from the document down, until
 * one fails (`matched` is then its parent) or the tip is reached. False when a block is
 * one this does not follow (code, HTML, table) or the line is blank or has a tab first.
 */
function matchContainers(parser: BlockParser, body: string, start: number, end: number): boolean {
  const tip = parser.tip;
  matched = parser.doc;
  matchedAt = start;
  for (let container = parser.doc._lastChild; matched !== tip && container !== null; container = container._lastChild) {
    const next = skipSpaces(body, matchedAt, end);
    if (next === -1 || next === end) return false;
    let after = matchedAt;
    switch (container.type) {
      case 'list':
      case 'paragraph':
        break;
      case 'item': {
        const width = container._listData.markerOffset + container._listData.padding;
        if (next - matchedAt < width) return true;
        after = matchedAt + width;
        break;
      }
      case 'block_quote': {
        if (next - matchedAt >= 4 || body.charCodeAt(next) !== GREATER_THAN) return true;
        const space = body.charCodeAt(next + 1);
        if (space === TAB) return false;
        after = next + 1 + (space === SPACE && next + 1 < end ? 1 : 0);
        break;
      }
      case 'heading':
        return true;
      default:
        return false;
    }
    matched = container;
    matchedAt = after;
  }
  return matched === tip;
}

/** The loop's `closeUnmatchedBlocks`: the blocks below `matched` end on the line before. */
function closeUnmatched(parser: BlockParser): void {
  while (parser.tip !== matched) parser.finalize(parser.tip, parser.lineNumber - 1);
}

/**
 * The loop's state at the end of a line: `text` is where it stopped reading (offset and
 * column: no tab came before), `next` the last first non-space it found, after `from`.
 */
function endLine(parser: BlockParser, text: number, next: number, from: number, start: number, end: number): void {
  parser.oldtip = parser.lastMatchedContainer = matched;
  parser.allClosed = true;
  parser.blank = parser.partiallyConsumedTab = parser.indented = false;
  parser.indent = next - from;
  parser.offset = parser.column = text - start;
  parser.nextNonspace = parser.nextNonspaceColumn = next - start;
  parser.lastLineLength = end - start;
}

/**
 * Paragraph text after the containers the line continues: the open paragraph's next line
 * (lazily when a container did not continue, as a quote's paragraph takes a line without
 * `>`). A paragraph that kept its content (blockParser.ts) gets the line's text.
 */
function paragraphText(parser: BlockParser, body: string, first: number, start: number, end: number): number {
  const tip = parser.tip;
  parser.lineNumber++;
  const content = tip._string_content;
  if (content !== PLACEHOLDER) tip._string_content = `${content}${body.slice(first, end)}\n`;
  const allClosed = matched === tip;
  endLine(parser, first, first, matchedAt, start, end);
  parser.oldtip = tip;
  parser.allClosed = allClosed;
  return first - start;
}

/** A new paragraph: the blocks the line does not continue close, a list around them too. */
function newParagraph(parser: BlockParser, body: string, first: number, start: number, end: number): number {
  if (body.charCodeAt(first) === OPEN_BRACKET && mayStartDefinition(body, first, end)) return -1;
  parser.lineNumber++;
  closeUnmatched(parser);
  // addChild closes a list, which holds only items.
  parser.addChild('paragraph', first - start)._string_content = PLACEHOLDER;
  endLine(parser, first, first, matchedAt, start, end);
  return first - start;
}

/**
 * A bullet item (`-`, `*` or `+`, one to four spaces, then paragraph text): the next item
 * of the list the line continues, or the first of a new list (which may interrupt a
 * paragraph). Its text can be no thematic break, setext underline or other block start.
 */
function bulletItem(parser: BlockParser, body: string, first: number, start: number, end: number): number {
  if (body.charCodeAt(first + 1) !== SPACE) return -1;
  let text = first + 1;
  while (text < end && body.charCodeAt(text) === SPACE) text++;
  const spaces = text - first - 1;
  // Five spaces or more make the item's text indented code; none left, an empty item.
  if (spaces > 4 || text === end || !isTextAt(body, text, end) || mayStartDefinition(body, text, end)) return -1;
  const bulletChar = body[first];
  const data: ListData = { type: 'bullet', tight: true, bulletChar, start: null, delimiter: null, padding: 1 + spaces, markerOffset: first - matchedAt };
  parser.lineNumber++;
  closeUnmatched(parser);
  // The loop's `listsMatch`: the list goes on with the same bullet.
  const list = matched.type === 'list' && matched._listData.type === 'bullet' && matched._listData.bulletChar === bulletChar;
  if (!list) parser.addChild('list', first - start)._listData = data;
  parser.addChild('item', first - start)._listData = data;
  parser.addChild('paragraph', text - start)._string_content = PLACEHOLDER;
  endLine(parser, text, text, text, start, end);
  return text - start;
}

/** An ATX heading (`#` to `######`, then a space or the line's end), when the line has no tab. */
function atxHeading(parser: BlockParser, body: string, first: number, start: number, end: number): number {
  let hashes = first;
  while (hashes < end && body.charCodeAt(hashes) === HASH) hashes++;
  const level = hashes - first;
  if (level > 6 || (hashes < end && body.charCodeAt(hashes) !== SPACE)) return -1;
  const line = body.slice(start, end);
  if (line.indexOf('\t') !== -1) return -1;
  let markerEnd = hashes;
  while (markerEnd < end && body.charCodeAt(markerEnd) === SPACE) markerEnd++;
  parser.lineNumber++;
  closeUnmatched(parser);
  const heading = parser.addChild('heading', first - start);
  heading.level = level;
  // The loop's trailing `#`s removal, on the same regular expressions.
  heading._string_content = line
    .slice(markerEnd - start)
    .replace(/^[ \t]*#+[ \t]*$/, '')
    .replace(/[ \t]+#+[ \t]*$/, '');
  endLine(parser, end, first, matchedAt, start, end);
  return NO_TEXT;
}

/** A block quote's first line (`>`, a space or none, then paragraph text). */
function quoteStart(parser: BlockParser, body: string, first: number, start: number, end: number): number {
  const space = body.charCodeAt(first + 1);
  if (space === TAB) return -1;
  const after = first + 1 + (space === SPACE && first + 1 < end ? 1 : 0);
  const text = skipSpaces(body, after, end);
  if (text === -1 || text === end || text - after >= 4 || !isTextAt(body, text, end) || mayStartDefinition(body, text, end)) return -1;
  parser.lineNumber++;
  closeUnmatched(parser);
  parser.addChild('block_quote', first - start);
  parser.addChild('paragraph', text - start)._string_content = PLACEHOLDER;
  endLine(parser, text, text, after, start, end);
  return text - start;
}

/** A code fence (three or more backticks with no backtick after them, or tildes): a fenced code block opens. */
function fenceStart(parser: BlockParser, body: string, first: number, start: number, end: number): number {
  const fence = body.charCodeAt(first);
  let after = first;
  while (after < end && body.charCodeAt(after) === fence) after++;
  const length = after - first;
  if (length < 3 || (fence === BACKTICK && body.slice(after, end).indexOf('`') !== -1)) return -1;
  parser.lineNumber++;
  closeUnmatched(parser);
  const block = parser.addChild('code_block', first - start);
  block._isFenced = true;
  block._fenceLength = length;
  block._fenceChar = body[first];
  block._fenceOffset = first - matchedAt;
  // The loop's `addLine`: the info string is the block's first line.
  block._string_content = `${body.slice(after, end)}\n`;
  endLine(parser, after, first, matchedAt, start, end);
  return after - start;
}

/** An HTML comment's first line (kind 2): the block keeps the line from the containers' markers on. */
function commentStart(parser: BlockParser, body: string, first: number, start: number, end: number): number {
  parser.lineNumber++;
  closeUnmatched(parser);
  const block = parser.addChild('html_block', matchedAt - start);
  block._htmlBlockType = 2;
  const line = body.slice(matchedAt, end);
  block._string_content = `${line}\n`;
  endLine(parser, matchedAt, first, matchedAt, start, end);
  if (line.indexOf('-->') !== -1) parser.finalize(block, parser.lineNumber);
  return matchedAt - start;
}
