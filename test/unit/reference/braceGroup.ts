/**
 * The reference's reading of a span's brace group `{#a #b key="v"}` (Pandoc's
 * attribute syntax restricted to codes and key=value pairs), written apart from the
 * scanner's so the two can be compared. Offsets are source offsets.
 */
import { isValidCodeName, normaliseCodeName } from '../../../src/core/syntax/codeName';
import type { RefTag } from './remarkReference';

/** What follows a `]`: not a span (no `#`), a broken span, or a span's codes. */
export type BraceGroup =
  | { readonly kind: 'not-a-span' }
  | { readonly kind: 'error'; readonly end: number }
  | { readonly kind: 'span'; readonly end: number; readonly tags: RefTag[] };

const token = /[ \t\r\n]*(?:(#[^\s]+)|([A-Za-z_][\w.-]*)=(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s"'}]+))/y;

/**
 * Reads the group whose `{` is at `brace`, looking no further than `limit` (the end
 * of the block). A group without `}` (or with a backtick before it) is an error when
 * its line holds a `#`, and the rest of that line is then skipped, as the scanner does.
 */
export function parseBraceGroup(text: string, brace: number, limit: number): BraceGroup {
  const close = text.indexOf('}', brace);
  const backtick = text.indexOf('`', brace);
  if (close === -1 || close >= limit || (backtick !== -1 && backtick < close)) {
    // Unclosed: the error runs to the line end, or to a code span, which stays code.
    const newline = text.indexOf('\n', brace);
    const lineEnd = Math.min(newline === -1 ? text.length : newline, limit, backtick === -1 ? text.length : backtick);
    return text.slice(brace, lineEnd).includes('#') ? { kind: 'error', end: lineEnd } : { kind: 'not-a-span' };
  }
  // Quote markers at the start of a continuation line are container syntax, not body.
  const body = text.slice(brace + 1, close).replace(/\n[ \t>]*/g, (marker) => ' '.repeat(marker.length));
  if (!body.includes('#')) return { kind: 'not-a-span' };
  const tags: RefTag[] = [];
  token.lastIndex = 0;
  while (token.lastIndex < body.length) {
    if (/^\s*$/.test(body.slice(token.lastIndex))) break;
    const at = token.lastIndex;
    const match = token.exec(body);
    if (!match) return { kind: 'error', end: close + 1 };
    if (match[1] !== undefined) {
      const name = match[1].slice(1);
      if (!isValidCodeName(name)) return { kind: 'error', end: close + 1 };
      const start = brace + 1 + at + match[0].indexOf('#');
      tags.push({ code: normaliseCodeName(name), start, end: start + match[1].length });
    }
  }
  return tags.length === 0 ? { kind: 'error', end: close + 1 } : { kind: 'span', end: close + 1, tags };
}
