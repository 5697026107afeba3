/**
 * Study references in a memo's body, written as Pandoc citations: `@alder-2010` or
 * `[@alder-2010, p. 4]`, the syntax a reviewer who writes with Pandoc and a reference
 * manager already uses. The key is a study's id or its `citation-key`. Only text a reader
 * sees counts: not code (fenced, indented or inline), HTML blocks, e-mail addresses
 * (`jb@uni.ac.uk`), URLs or link destinations, nor an escaped `\@`.
 */
import { readBlocks } from '../syntax/blocks';
import { CodeSpans } from '../syntax/codeSpans';
import { ForwardSearch } from '../syntax/forwardSearch';
import type { TextSpan } from '../model';
import type { LineIndex } from '../text/lineIndex';

/** A `@key` in a memo's body. */
export interface StudyReference {
  /** The key as written, without `@`. */
  readonly key: string;
  /** The range of the key (after `@`), where a rename would write and a warning points. */
  readonly range: TextSpan;
}

/**
 * `@` where Pandoc reads a citation: at a line start or after a space, `[`, `(`, `;` or `-`
 * (`[-@key]`); then the key: a letter, digit or `_`, then those and internal `:.#$%&-+?<>~/`
 * (punctuation at the end, `@alder-2010.`, is the sentence's).
 */
const CITATION = /(?<=^|[\s[(;-])@([\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*)/gmu;

/**
 * The block's text with what a reader does not see as citations blanked out, offsets kept:
 * code spans (CommonMark's runs of equal length, escaped backticks open none), inline link
 * destinations `](…)` and `<…>` autolinks and tags. One pass: each kind's next closing
 * character is remembered, so no input (4 MB of unclosed backtick runs, `](`, `<`) costs
 * more than linear time.
 */
function maskUnread(text: string): string {
  const spans = new CodeSpans(text);
  const closingParen = new ForwardSearch(text, ')');
  const closingAngle = new ForwardSearch(text, '>');
  const space = new ForwardSearch(text, /\s/g);
  const masked: string[] = [];
  let copied = 0;
  const blank = (from: number, to: number): number => {
    masked.push(text.slice(copied, from), ' '.repeat(to - from));
    return (copied = to);
  };
  for (let at = 0; at < text.length; ) {
    const char = text[at];
    if (char === '\\') at += 2;
    else if (char === '`') {
      const { runEnd, closeEnd } = spans.spanAt(at);
      at = closeEnd !== -1 ? blank(at, closeEnd) : runEnd;
    } else if (char === ']' && text[at + 1] === '(' && closingParen.next(at + 2) !== -1) {
      at = blank(at, closingParen.next(at + 2) + 1);
    } else if (char === '<' && closingAngle.next(at + 1) !== -1 && !isBefore(space.next(at + 1), closingAngle.next(at + 1))) {
      at = blank(at, closingAngle.next(at + 1) + 1);
    } else at++;
  }
  masked.push(text.slice(copied));
  return masked.join('');
}

/** True when the offset `found` (-1: none) comes before `limit`. */
function isBefore(found: number, limit: number): boolean {
  return found !== -1 && found < limit;
}

/** The `@key` study references of a memo's body (from `bodyStart`), in source order. */
export function scanStudyReferences(text: string, bodyStart: number, lines: LineIndex): StudyReference[] {
  if (text.indexOf('@', bodyStart) === -1) return [];
  const found: StudyReference[] = [];
  for (const block of readBlocks(text, bodyStart).blocks) {
    const start = block.lines[0][0];
    const end = block.lines[block.lines.length - 1][1];
    const masked = maskUnread(text.slice(start, end));
    for (const match of masked.matchAll(CITATION)) {
      const at = start + match.index;
      found.push({ key: match[1], range: lines.span(at + 1, at + 1 + match[1].length) });
    }
  }
  return found;
}
