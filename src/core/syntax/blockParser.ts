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
import { containerLine, NO_TEXT } from './containerLine';
import { leafLine } from './leafLine';
import { continueParagraph, mayStartDefinition } from './paragraphLine';
import { PLACEHOLDER, startTable, TABLE, tableBlock } from './tables';
import { emptyLine, openParagraph } from './topLevelLine';

/** A parsed document: the tree and where each line's block text starts. */
export interface ParsedBlocks {
  readonly document: Node;
  /** Per 1-based line number, the offset in the body where the line starts, and where it ends (before its line break). */
  readonly lineStart: Int32Array;
  readonly lineEnd: Int32Array;
  /**
   * Per 1-based line number, the character index in the line where the text added to
   * a block starts, or -1 for lines that added none (container markers only, fences).
   */
  readonly contentStart: Int32Array;
  /** Link reference definitions by normalised label (commonmark.js's own map). */
  readonly definitions: Readonly<Record<string, unknown>>;
}

/** One parser for every study (a parse runs to its end before the next starts). */
const parser = new Parser();
// commonmark.js looks block behaviours up in one shared table: the table block joins it.
parser.blocks[TABLE] = tableBlock;
parser.blocks = { ...parser.blocks, document: { ...parser.blocks.document, finalize: removeDefinitions } };
parser.processInlines = () => {};
/**
 * The parse under way: its body, lines, where each line's block text starts, and the
 * paragraphs that kept their content (in document order, the order they opened).
 */
let current: { body: string; lineStart: Int32Array; lineEnd: Int32Array; contentStart: Int32Array; kept: Node[] } = { body: '', lineStart: new Int32Array(0), lineEnd: new Int32Array(0), contentStart: new Int32Array(0), kept: [] };

/** A line's block text in the parse under way (what it added to its paragraph). */
function lineText(line: number): string {
  const { body, lineStart, lineEnd, contentStart } = current;
  return body.slice(lineStart[line] + Math.max(0, contentStart[line]), lineEnd[line]);
}
const addLine = parser.addLine;
parser.addLine = function (this: BlockParser): void {
  current.contentStart[this.lineNumber] = this.offset + (this.partiallyConsumedTab ? 1 : 0);
  // A delimiter row under a paragraph's line starts a table: the row is its first line.
  if (startTable(this, lineText)) return;
  const tip = this.tip;
  if (tip.type === 'paragraph' && !mayHoldDefinitions(tip, this)) {
    // Its text is read from the source, its lines from its source position: commonmark.js
    // only needs to know it is not empty.
    tip._string_content = PLACEHOLDER;
    return;
  }
  // (A paragraph emptied by a setext underline's definitions is already there.)
  if (tip.type === 'paragraph' && tip._string_content === '' && current.kept[current.kept.length - 1] !== tip) current.kept.push(tip);
  addLine.call(this);
};

/**
 * True when commonmark.js needs a paragraph's content: when its first line may start a
 * link reference definition, and from then on. Other paragraphs keep the PLACEHOLDER,
 * which spares a copy of every line. A paragraph emptied before a setext underline (its
 * definitions removed) keeps its later lines too, to count them.
 */
function mayHoldDefinitions(paragraph: Node, line: BlockParser): boolean {
  const content = paragraph._string_content;
  if (content === PLACEHOLDER) return false;
  if (content) return true;
  return paragraph.sourcepos[0][0] !== line.lineNumber || mayStartDefinition(line.currentLine, line.offset, line.currentLine.length);
}

/**
 * commonmark.js's document finalisation (`removeLinkReferenceDefinitions`) without its
 * tree walk: link reference definitions at the start of a paragraph go to the
 * definitions, the paragraph keeps the rest (and its start moves down), or goes. Only
 * paragraphs that kept their content can start with `[` (every other one holds the
 * PLACEHOLDER, set where it opened), so only those are read, in the walk's order;
 * one no longer in the tree (made a setext heading or a table) the walk would not meet.
 */
function removeDefinitions(blockParser: BlockParser): void {
  const empty: Node[] = [];
  for (const paragraph of current.kept) {
    if (paragraph.parent !== null && paragraph._string_content?.charCodeAt(0) === 91) removeFrom(blockParser, paragraph, empty);
  }
  for (const node of empty) node.unlink();
}

function removeFrom(blockParser: BlockParser, paragraph: Node, empty: Node[]): void {
  let removed = false;
  for (;;) {
    const content = paragraph._string_content ?? '';
    const end = content.charCodeAt(0) === 91 ? blockParser.inlineParser.parseReference(content, blockParser.refmap) : 0;
    if (!end) break;
    removed = true;
    const definition = content.slice(0, end);
    paragraph._string_content = content.slice(end);
    paragraph.sourcepos[0][0] += definition.split('\n').length - 1;
  }
  if (removed && !/[^ \t\f\v\r\n]/.test(paragraph._string_content ?? '')) empty.push(paragraph);
}

/**
 * Parses the blocks of `body` (a study's text after its front matter). `fastLines`
 * false sends every line through commonmark.js's loop (tests hold the fast paths to it).
 */
export function parseBlocks(body: string, fastLines = true): ParsedBlocks {
  const { lineStart, lineEnd } = splitLines(body);
  const contentStart = new Int32Array(lineStart.length).fill(-1);
  current = { body, lineStart, lineEnd, contentStart, kept: [] };
  const document = parseLines(body, lineStart, lineEnd, fastLines);
  return { document, lineStart, lineEnd, contentStart, definitions: parser.refmap };
}

/**
 * `parser.parse(body)`, with the lines already split: commonmark.js's `parse` splits
 * the input with a regular expression again (a tenth of its time); this is its loop,
 * with paragraphs' plain continuation lines (paragraphLine.ts), empty lines and top-level
 * paragraph starts (topLevelLine.ts), top-level code and HTML lines (leafLine.ts) and the
 * commonest other lines in and after containers (containerLine.ts) added without it.
 */
function parseLines(body: string, lineStart: Int32Array, lineEnd: Int32Array, fastLines: boolean): Node {
  const document = new Node('document', [
    [1, 1],
    [0, 0],
  ]);
  Object.assign(parser, { doc: document, tip: document, oldtip: document, refmap: {}, lineNumber: 0, lastLineLength: 0, offset: 0, column: 0, lastMatchedContainer: document, currentLine: '' });
  // A final line break ends the last line; it does not start another.
  const count = lineStart.length - 2 - (body.charCodeAt(body.length - 1) === 10 ? 1 : 0);
  // commonmark.js replaces NUL characters in each line it reads: such a text goes through its loop alone.
  const shortcut = fastLines && body.indexOf('\0') === -1;
  const contentStart = current.contentStart;
  for (let line = 1; line <= count; line++) {
    const start = lineStart[line];
    const end = lineEnd[line];
    if (!shortcut) {
      parser.incorporateLine(body.slice(start, end));
      continue;
    }
    if (start === end && emptyLine(parser)) continue;
    let text = continueParagraph(parser, body, start, end);
    if (text === -1) text = openParagraph(parser, body, start, end);
    if (text === -1) text = leafLine(parser, body, start, end);
    if (text === -1) text = containerLine(parser, body, start, end);
    if (text >= 0) contentStart[line] = text;
    else if (text !== NO_TEXT) parser.incorporateLine(body.slice(start, end));
  }
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
