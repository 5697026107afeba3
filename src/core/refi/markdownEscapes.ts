/**
 * Backslash escapes that keep imported text from turning into tag syntax, and their
 * removal on export. The importer escapes `\`, `[`, `]`, `<` and a `#` before a letter
 * wherever the text is Markdown text (not code); the exporter removes the backslash of
 * `\\`, `\[`, `\]`, `\<` and `\#` in the same places. So the plain text of an imported
 * study is exactly the text that was imported, and a study's plain text reads as the
 * study does (an escaped `\#` reads as `#`).
 */
import { BlockText } from '../syntax/blockText';
import { splitBlocks } from '../syntax/blocks';
import { isNameStart } from '../syntax/codeName';
import { lowerBound } from '../text/sortedSearch';

/** Characters whose backslash escape the exporter removes. */
const UNESCAPED_ON_EXPORT = new Set(['\\', '[', ']', '<', '#']);

const htmlTag = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/y;
const autolink = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/y;
const emailAutolink = /<[^\s<>@]+@[^\s<>]+>/y;

/**
 * File offsets of the backslashes the exporter drops: escapes of `\ [ ] < #` in
 * Markdown text, read as the tag scanner reads it (code spans, HTML and autolinks
 * are left alone).
 */
export function exportedEscapes(text: string, bodyStart: number): number[] {
  const offsets: number[] = [];
  for (const block of splitBlocks(text, bodyStart)) {
    const joined = new BlockText(text, block);
    const value = joined.value;
    for (let offset = 0; offset < value.length; ) {
      const char = value[offset];
      if (char === '\\') {
        if (UNESCAPED_ON_EXPORT.has(value[offset + 1])) offsets.push(joined.toFile(offset));
        offset += 2;
      } else if (char === '`') {
        offset = codeSpanEnd(value, offset);
      } else if (char === '<') {
        offset = htmlEnd(value, offset);
      } else {
        offset++;
      }
    }
  }
  return offsets.sort((a, b) => a - b);
}

/** Plain text with escapes inserted, and the Markdown regions that can hold tags. */
export interface EscapedText {
  /** The escaped text. */
  readonly text: string;
  /** Maps an offset of the plain text to the escaped text (before any inserted `\`). */
  toEscaped(plainOffset: number): number;
  /** Markdown blocks that can hold tags, in plain offsets: each line's content [start, end). */
  readonly blocks: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  /** Code spans [start, end) in plain offsets, which a span must hold whole or not at all. */
  readonly codeSpans: ReadonlyArray<readonly [number, number]>;
}

/**
 * Escapes a plain text for use as a study body: in Markdown text (blocks, outside code
 * spans; backslashes are not special because every one is escaped) `\`, `[`, `]`, `<`
 * and a `#` before a letter get a backslash.
 */
export function escapePlainText(plain: string): EscapedText {
  const escapes: number[] = [];
  const plainBlocks: Array<Array<[number, number]>> = [];
  const plainCodeSpans: Array<[number, number]> = [];
  for (const block of splitBlocks(plain, 0)) {
    plainBlocks.push(block.lines.map(([start, end]) => [start, end]));
    const joined = new BlockText(plain, block);
    const value = joined.value;
    for (let offset = 0; offset < value.length; ) {
      if (value[offset] === '`') {
        const end = codeSpanEnd(value, offset);
        if (isClosedSpan(value, offset, end)) {
          plainCodeSpans.push([joined.toFile(offset), joined.toFile(end - 1) + 1]);
        }
        offset = end;
        continue;
      }
      if (needsEscape(value, offset)) escapes.push(joined.toFile(offset));
      offset++;
    }
  }
  escapes.sort((a, b) => a - b);
  return {
    text: insertBackslashes(plain, escapes),
    toEscaped: (plainOffset) => plainOffset + lowerBound(escapes, plainOffset),
    blocks: plainBlocks,
    codeSpans: plainCodeSpans,
  };
}

function needsEscape(value: string, offset: number): boolean {
  const char = value[offset];
  if (char === '\\' || char === '[' || char === ']' || char === '<') return true;
  return char === '#' && isNameStart(value, offset + 1);
}

/** True when the backtick run at `start` is closed by the run ending at `end`. */
function isClosedSpan(value: string, start: number, end: number): boolean {
  let runEnd = start;
  while (value.charCodeAt(runEnd) === 96) runEnd++;
  return end > runEnd;
}

/** End of the code span opened by the backtick run at `start`, or of the run if unclosed. */
export function codeSpanEnd(value: string, start: number): number {
  let runEnd = start;
  while (value.charCodeAt(runEnd) === 96) runEnd++;
  const runLength = runEnd - start;
  for (let search = runEnd; ; ) {
    const next = value.indexOf('`', search);
    if (next === -1) return runEnd;
    let closeEnd = next;
    while (value.charCodeAt(closeEnd) === 96) closeEnd++;
    if (closeEnd - next === runLength) return closeEnd;
    search = closeEnd;
  }
}

/** End of an HTML comment, autolink or tag at `start` (as the tag scanner skips them). */
function htmlEnd(value: string, start: number): number {
  if (value.startsWith('<!--', start)) {
    const close = value.indexOf('-->', start + 4);
    return close === -1 ? start + 1 : close + 3;
  }
  for (const pattern of [autolink, emailAutolink, htmlTag]) {
    pattern.lastIndex = start;
    if (pattern.test(value)) return pattern.lastIndex;
  }
  return start + 1;
}

function insertBackslashes(text: string, offsets: readonly number[]): string {
  let out = '';
  let cursor = 0;
  for (const offset of offsets) {
    out += text.slice(cursor, offset) + '\\';
    cursor = offset;
  }
  return out + text.slice(cursor);
}
