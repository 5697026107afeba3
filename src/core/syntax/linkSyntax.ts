/**
 * The syntax after a link's text, as CommonMark 0.31 reads it (commonmark.js's
 * `parseCloseBracket`): an inline `(destination "title")`, or a reference label that
 * the study defines (`[text][label]`, `[label][]`, `[label]`). Nothing in it is text.
 */
import type { LinkDefinitions } from './linkDefinitions';

const BACKSLASH = 92;
const LESS_THAN = 60;
const OPEN_BRACKET = 91;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;

const linkLabel = /\[(?:[^\\[\]]|\\.){0,1000}\]/sy;
// commonmark.js's title pattern with its overlapping escapes folded into one (`\` then
// any character), so a title full of `\"` cannot make the regular expression backtrack.
const linkTitle = /"(?:\\[\s\S]|[^\\"\x00])*"|'(?:\\[\s\S]|[^\\'\x00])*'|\((?:\\[\s\S]|[^\\()\x00])*\)/y;
const pointyDestination = /<(?:[^<>\n\\\x00]|\\.)*>/y;
/** micromark's bound on parentheses nested in a link destination. */
const MAX_PARENTHESES = 32;
/** Longest label with its brackets (CommonMark: 999 characters inside them). */
const MAX_LABEL = 1001;

/** ASCII punctuation: what a backslash escapes. */
export function isEscapable(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
}

/** The end of `(destination "title")` whose `(` is at `open`, or -1 when it is not one. */
export function inlineLinkEnd(text: string, open: number): number {
  if (text.charCodeAt(open) !== OPEN_PAREN) return -1;
  let offset = skipWhitespace(text, open + 1);
  const destinationEnd = linkDestinationEnd(text, offset);
  if (destinationEnd === -1) return -1;
  offset = skipWhitespace(text, destinationEnd);
  if (offset > destinationEnd) {
    linkTitle.lastIndex = offset;
    if (linkTitle.test(text)) offset = skipWhitespace(text, linkTitle.lastIndex);
  }
  return text.charCodeAt(offset) === CLOSE_PAREN ? offset + 1 : -1;
}

/** The end of a link destination at `start` (`<…>`, or raw with parentheses balanced), or -1. */
function linkDestinationEnd(text: string, start: number): number {
  if (text.charCodeAt(start) === LESS_THAN) {
    pointyDestination.lastIndex = start;
    return pointyDestination.test(text) ? pointyDestination.lastIndex : -1;
  }
  let depth = 0;
  let offset = start;
  for (; offset < text.length; offset++) {
    const code = text.charCodeAt(offset);
    if (code === BACKSLASH && isEscapable(text.charCodeAt(offset + 1))) offset++;
    else if (code === OPEN_PAREN) {
      if (++depth > MAX_PARENTHESES) return -1;
    } else if (code === CLOSE_PAREN) {
      if (depth === 0) break;
      depth--;
    } else if (code <= 32 || code === 127) break;
  }
  if (offset === start && text.charCodeAt(offset) !== CLOSE_PAREN) return -1;
  return depth === 0 ? offset : -1;
}

/**
 * The end of a reference link whose text runs from the `[` at `open` to the `]` at
 * `close`: a full reference `[label]` after it, or the text itself as the label
 * (collapsed `[]` or shortcut), when the study defines that label; else -1.
 * `bracketAfter` says a `[` opened inside the text (then it cannot be a label).
 */
export function referenceLinkEnd(text: string, open: number, close: number, bracketAfter: boolean, definitions: LinkDefinitions): number {
  if (definitions.empty) return -1;
  const after = close + 1;
  let labelLength = 0;
  if (text.charCodeAt(after) === OPEN_BRACKET) {
    linkLabel.lastIndex = after;
    if (linkLabel.test(text) && linkLabel.lastIndex - after <= MAX_LABEL) labelLength = linkLabel.lastIndex - after;
  }
  if (labelLength > 2) return definitions.hasLabel(text, after + 1, after + labelLength - 1) ? after + labelLength : -1;
  if (bracketAfter || close - open > MAX_LABEL) return -1;
  return definitions.hasLabel(text, open + 1, close) ? after + labelLength : -1;
}

/** Skips spaces, tabs and line breaks (a block's text has no blank line, so at most one break). */
function skipWhitespace(text: string, offset: number): number {
  for (;;) {
    const code = text.charCodeAt(offset);
    if (code !== 32 && code !== 9 && code !== 10) return offset;
    offset++;
  }
}
