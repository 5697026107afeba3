/**
 * Which backslash escapes a study's plain text (its REFI-QDA export) leaves out. Other
 * tools show plain text, so an escape is dropped (`\$`, `\"`, `\[sic\]`, `\#tag` read
 * as `$`, `"`, `[sic]`, `#tag`) unless the import, which reads QualSynth's plain text
 * as Markdown, would then read the text differently: an escape that keeps a line from
 * starting a block (`> \# 1 priority`, `1\. item`), or a `*`, `_` or backtick from
 * starting emphasis or code, or `&` from starting an entity, stays.
 */
import { BlockText } from '../syntax/blockText';
import { splitBlocks } from '../syntax/blocks';
import { blockMarkerAt } from '../text/blockMarkers';
import { ASCII_PUNCTUATION, backtickSpanEnd } from '../text/markdownUnescape';
import { htmlEnd, type TextKind } from './markdownEscapes';

/**
 * File offsets of the backslashes the export drops, read as the tag scanner reads the
 * text. A study imported from another tool's plain text (`plain-text: true`) loses
 * every escape: the import put them there, and a re-import puts them back.
 */
export function exportedEscapes(text: string, bodyStart: number, kind: TextKind = 'markdown'): number[] {
  const offsets: number[] = [];
  for (const block of splitBlocks(text, bodyStart)) {
    const joined = new BlockText(text, block);
    const value = joined.value;
    for (let offset = 0; offset < value.length; ) {
      const char = value[offset];
      if (char === '\\') {
        if (ASCII_PUNCTUATION.test(value[offset + 1] ?? '') && (kind === 'plain' || !escapeMatters(value, offset))) offsets.push(joined.toFile(offset));
        offset += 2;
      } else if (char === '`') {
        offset = backtickSpanEnd(value, offset);
      } else if (char === '<') {
        offset = htmlEnd(value, offset);
      } else {
        offset++;
      }
    }
  }
  return offsets.sort((a, b) => a - b);
}

/** `&` that starts what Markdown would read as an entity or character reference. */
export const entityLike = /^&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

/**
 * True when the text without the backslash at `offset` would read differently as
 * Markdown. The answer is the same before and after an import's escaping (escapes of
 * other characters are looked through), so what the export keeps, the import keeps.
 */
export function escapeMatters(value: string, offset: number): boolean {
  const escaped = value[offset + 1];
  if (escaped === '\\' || escaped === '[' || escaped === ']' || escaped === '<') return false; // the import escapes these again
  const lineStart = value.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = value.indexOf('\n', offset) === -1 ? value.length : value.indexOf('\n', offset);
  const unescapedLine = value.slice(lineStart, offset) + value.slice(offset + 1, lineEnd);
  if (blockMarkerAt(unescapedLine) === offset - lineStart) return true;
  if (escaped === '`') return true;
  if (escaped === '&') return entityLike.test(value.slice(offset + 1, offset + 80).replace(escapeBackslash, ''));
  if (escaped === '*' || escaped === '_') return couldDelimitEmphasis(escaped, value[offset - 1], value[offset + 2] === '\\' ? value[offset + 3] : value[offset + 2]);
  return false;
}

const escapeBackslash = /\\(?=[!-/:-@[-`{-~])/g;

const whitespace = (char: string | undefined): boolean => char === undefined || /\s/.test(char);
const punctuation = (char: string | undefined): boolean => char !== undefined && /[\p{P}\p{S}]/u.test(char);

/** CommonMark's flanking rules: could a `*` or `_` between these characters open or close emphasis? */
function couldDelimitEmphasis(delimiter: string, before: string | undefined, after: string | undefined): boolean {
  if (before === '\\' || before === delimiter || after === '\\' || after === delimiter) return true; // part of a run: keep
  const left = !whitespace(after) && (!punctuation(after) || whitespace(before) || punctuation(before));
  const right = !whitespace(before) && (!punctuation(before) || whitespace(after) || punctuation(after));
  if (delimiter === '*') return left || right;
  return (left && (!right || punctuation(before))) || (right && (!left || punctuation(after)));
}
