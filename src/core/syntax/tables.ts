/**
 * GitHub tables (GFM) as a block of commonmark.js's parser, which has none: a
 * paragraph's last line followed by a delimiter row (`| --- | :-: |`) with as many
 * cells becomes a table's header row; every following line is a body row until a
 * blank line, a lazy line or the start of another block (a table, unlike a paragraph,
 * is interrupted by any block: an ordered list from 2, HTML, indented code, a break).
 * The table keeps its rows as lines (`addLine`), so their source offsets are known.
 */
import type { BlockBehaviour, BlockParser, Node } from 'commonmark';

/**
 * The content commonmark.js keeps for a paragraph whose text is read from the source
 * (one without link reference definitions; blockParser.ts): not empty, and no copy.
 */
export const PLACEHOLDER = '\n';

/** The block type name of a table in the parser's tree. */
export const TABLE = 'table';

const delimiterCell = /^[ \t]*:?-+:?[ \t]*$/;

// The block starts of CommonMark (commonmark.js's own regular expressions), tried on a
// line after a table row: any of them ends the table.
const TAG_NAME = '[A-Za-z][A-Za-z0-9-]*';
const ATTRIBUTE = `(?:\\s+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:\\s*=\\s*(?:[^"'=<>\`\\x00-\\x20]+|'[^']*'|"[^"]*"))?)`;
const HTML_BLOCK_START = new RegExp(
  [
    '^<(?:script|pre|textarea|style)(?:\\s|>|$)',
    '^<!--',
    '^<[?]',
    '^<![A-Za-z]',
    '^<!\\[CDATA\\[',
    '^<[/]?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[123456]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|section|search|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:\\s|[/]?[>]|$)',
    `^(?:<${TAG_NAME}${ATTRIBUTE}*\\s*/?>|</${TAG_NAME}\\s*[>])\\s*$`,
  ].join('|'),
  'i',
);
const OTHER_BLOCK_START = /^(?:>|#{1,6}(?:[ \t]|$)|`{3,}(?!.*`)|~{3,}|(?:\*[ \t]*){3,}$|(?:_[ \t]*){3,}$|(?:-[ \t]*){3,}$|[*+-](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;

/** Offsets `[start, end)` of a row's cells in `row`: split at unescaped `|`, outer pipes left out. */
export function rowCells(row: string): Array<[number, number]> {
  let start = 0;
  let end = row.length;
  while (start < end && isSpaceOrTab(row.charCodeAt(start))) start++;
  while (end > start && isSpaceOrTab(row.charCodeAt(end - 1))) end--;
  if (row.charCodeAt(start) === 124 /* | */) start++;
  if (end > start && row.charCodeAt(end - 1) === 124 && !isEscaped(row, end - 1)) end--;
  const cells: Array<[number, number]> = [];
  if (end <= start) return cells;
  let cellStart = start;
  for (let offset = start; offset < end; offset++) {
    const code = row.charCodeAt(offset);
    if (code === 92 /* \ */) offset++;
    else if (code === 124) {
      cells.push([cellStart, offset]);
      cellStart = offset + 1;
    }
  }
  cells.push([cellStart, end]);
  return cells;
}

/** A row's cells in its content (outer pipes already left out): split at every unescaped `|`. */
export function cellRanges(content: string): Array<[number, number]> {
  const cells: Array<[number, number]> = [];
  let cellStart = 0;
  for (let offset = content.indexOf('|'); offset !== -1; offset = content.indexOf('|', offset + 1)) {
    if (isEscaped(content, offset)) continue;
    cells.push([cellStart, offset]);
    cellStart = offset + 1;
  }
  cells.push([cellStart, content.length]);
  return cells;
}

/** The number of columns of a delimiter row (`|---|:-:|`), or 0 when the line is not one. */
function delimiterColumns(line: string): number {
  if (!/^[|:\- \t]+$/.test(line) || line.indexOf('-') === -1) return 0;
  const cells = rowCells(line);
  for (const [start, end] of cells) if (!delimiterCell.test(line.slice(start, end))) return 0;
  return cells.length;
}

/**
 * Starts a table when the line the parser is about to add to an open paragraph (not
 * lazily, not indented) is a delimiter row and the paragraph's last line (`lineText`
 * gives a line's text) has as many cells: that line leaves the paragraph (which is
 * removed if nothing is left) and becomes the table's header row, the delimiter row its
 * first line. True when it did. commonmark.js tries no block start on a line that does
 * not begin like one (`|`, `:`, a letter), so this runs where the line joins the paragraph.
 */
export function startTable(parser: BlockParser, lineText: (line: number) => string): boolean {
  // A delimiter row starts with `|`, `-` or `:` (this rules out nearly every line at once).
  const line = parser.currentLine;
  let firstAt = parser.offset;
  while (line.charCodeAt(firstAt) === 32 || line.charCodeAt(firstAt) === 9) firstAt++;
  const first = line.charCodeAt(firstAt);
  if (first !== 124 && first !== 45 && first !== 58) return false;
  const paragraph = parser.tip;
  // The header row is a line the paragraph already has.
  if (paragraph.type !== 'paragraph' || !paragraph._string_content || !parser.allClosed || parser.indented) return false;
  const columns = delimiterColumns(parser.currentLine.slice(parser.offset));
  if (columns === 0) return false;
  const headerLine = parser.lineNumber - 1;
  if (rowCells(lineText(headerLine)).length !== columns) return false;
  // A paragraph without definitions keeps only a placeholder: its start line tells whether the header was its only line.
  const content = paragraph._string_content;
  const headerStart = content === PLACEHOLDER ? (paragraph.sourcepos[0][0] === headerLine ? 0 : 1) : content.lastIndexOf('\n', content.length - 2) + 1;
  if (content !== PLACEHOLDER) paragraph._string_content = content.slice(0, headerStart);
  if (headerStart === 0) {
    parser.tip = paragraph.parent!;
    paragraph.unlink();
  }
  const table = parser.addChild(TABLE, parser.offset);
  if (headerStart > 0) paragraph.sourcepos[1][0] = headerLine - 1;
  table.sourcepos[0][0] = headerLine;
  return true;
}

/** How the parser continues, closes and fills a table. */
export const tableBlock: BlockBehaviour = {
  continue(parser: BlockParser): 0 | 1 {
    if (parser.blank || parser.indented) return 1;
    const rest = parser.currentLine.slice(parser.nextNonspace);
    return OTHER_BLOCK_START.test(rest) || (rest.charCodeAt(0) === 60 /* < */ && HTML_BLOCK_START.test(rest)) ? 1 : 0;
  },
  finalize(_parser: BlockParser, block: Node): void {
    block._string_content = null;
  },
  canContain: () => false,
  acceptsLines: true,
};

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}

/** True when the character at `offset` follows an odd run of backslashes. */
function isEscaped(text: string, offset: number): boolean {
  let backslashes = 0;
  while (offset - backslashes - 1 >= 0 && text.charCodeAt(offset - backslashes - 1) === 92) backslashes++;
  return backslashes % 2 === 1;
}
