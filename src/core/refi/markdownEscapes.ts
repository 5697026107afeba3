/**
 * Backslash escapes that make an imported text read as it came, with no tag syntax in
 * it; `exportEscapes.ts` removes them again on export. Plain text from other tools is
 * escaped so nothing in it is Markdown: `\`, `[`, `]`, `<`, `*`, backticks, a `_` at a
 * word's edge, `&` before an entity, a `#` before a letter, and the character that would
 * make a line start a block (`# `, `> `, `- `, `1. `, fences). QualSynth's own plain
 * text is Markdown (a study without its tags): only what could become tag syntax is
 * escaped, and the escapes its export kept stay as they are. So the plain text of an
 * imported study is exactly the text that was imported.
 */
import { BlockText } from '../syntax/blockText';
import { splitBlocks } from '../syntax/blocks';
import { isNameStart } from '../syntax/codeName';
import { blockMarkerAt } from '../text/blockMarkers';
import { ASCII_PUNCTUATION, backtickSpanEnd } from '../text/markdownUnescape';
import { entityLike, escapeMatters } from './exportEscapes';
import { lowerBound } from '../text/sortedSearch';

const htmlTag = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/y;
const autolink = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/y;
const emailAutolink = /<[^\s<>@]+@[^\s<>]+>/y;

/** Plain text with escapes inserted, and the Markdown regions that can hold tags. */
export interface EscapedText {
  /** The escaped text. */
  readonly text: string;
  /** Maps an offset of the plain text to the escaped text (before any inserted `\`). */
  toEscaped(plainOffset: number): number;
  /** Markdown blocks that can hold tags, in plain offsets: each line's content [start, end). */
  readonly blocks: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  /** Code spans and kept escapes [start, end) in plain offsets, which a span must hold whole or not at all. */
  readonly codeSpans: ReadonlyArray<readonly [number, number]>;
}

/** How an imported text is read: as Markdown (QualSynth's own exports) or as plain text (every other tool). */
export type TextKind = 'markdown' | 'plain';

/**
 * Escapes an imported text for use as a study body (see the module comment), and
 * finds the Markdown blocks and code spans the escaped text will have.
 */
export function escapePlainText(plain: string, kind: TextKind = 'markdown'): EscapedText {
  const { structure, markers } = kind === 'plain' ? withoutBlockMarkers(plain) : { structure: plain, markers: new Set<number>() };
  const escapes: number[] = [];
  const plainBlocks: Array<Array<[number, number]>> = [];
  const plainCodeSpans: Array<[number, number]> = [];
  for (const block of splitBlocks(structure, 0)) {
    plainBlocks.push(block.lines.map(([start, end]) => [start, end]));
    const joined = new BlockText(plain, block);
    const value = joined.value;
    for (let offset = 0; offset < value.length; ) {
      if (kind === 'markdown' && value[offset] === '`') {
        const end = backtickSpanEnd(value, offset);
        if (isClosedSpan(value, offset, end)) plainCodeSpans.push([joined.toFile(offset), joined.toFile(end - 1) + 1]);
        offset = end;
        continue;
      }
      if (kind === 'markdown' && keptEscape(value, offset)) {
        plainCodeSpans.push([joined.toFile(offset), joined.toFile(offset + 1) + 1]); // a span must not come between `\` and what it escapes
        offset += 2;
        continue;
      }
      if (markers.has(joined.toFile(offset)) || (kind === 'plain' ? needsPlainEscape(value, offset) : needsEscape(value, offset))) escapes.push(joined.toFile(offset));
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

/**
 * The text with each line's block-starting character replaced (same length), so its
 * blocks are the ones the escaped text will have, and those characters' offsets.
 */
function withoutBlockMarkers(plain: string): { structure: string; markers: Set<number> } {
  const markers = new Set<number>();
  let structure = '';
  for (let lineStart = 0; lineStart <= plain.length; ) {
    const newline = plain.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? plain.length : newline + 1;
    const line = plain.slice(lineStart, lineEnd);
    const marker = blockMarkerAt(line.replace(/\r?\n$/, ''));
    if (marker >= 0) markers.add(lineStart + marker);
    structure += marker >= 0 ? `${line.slice(0, marker)}x${line.slice(marker + 1)}` : line;
    if (newline === -1) break;
    lineStart = lineEnd;
  }
  return { structure, markers };
}

/** Characters that could become tag syntax, in QualSynth's Markdown. */
function needsEscape(value: string, offset: number): boolean {
  const char = value[offset];
  if (char === '\\' || char === '[' || char === ']' || char === '<') return true;
  return char === '#' && isNameStart(value, offset + 1);
}

/**
 * In QualSynth's Markdown, a backslash before punctuation is an escape its export
 * kept (`\*`, `\#` at a line start): it stays, unless it is one the export never keeps.
 */
function keptEscape(value: string, offset: number): boolean {
  if (value[offset] !== '\\') return false;
  const next = value[offset + 1] ?? '';
  if (!ASCII_PUNCTUATION.test(next) || next === '\\' || next === '[' || next === ']' || next === '<') return false;
  return !(next === '#' && isNameStart(value, offset + 2)) && escapeMatters(value, offset);
}

const wordChar = /[\p{L}\p{N}]/u;

/** Characters that would be Markdown in plain text from another tool. */
function needsPlainEscape(value: string, offset: number): boolean {
  const char = value[offset];
  if (needsEscape(value, offset) || char === '*' || char === '`') return true;
  if (char === '_') return !(wordChar.test(value[offset - 1] ?? '') && wordChar.test(value[offset + 1] ?? ''));
  return char === '&' && entityLike.test(value.slice(offset, offset + 34));
}

/** True when the backtick run at `start` is closed by the run ending at `end`. */
function isClosedSpan(value: string, start: number, end: number): boolean {
  let runEnd = start;
  while (value.charCodeAt(runEnd) === 96) runEnd++;
  return end > runEnd;
}

/** End of an HTML comment, autolink or tag at `start` (as the tag scanner skips them). */
export function htmlEnd(value: string, start: number): number {
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
