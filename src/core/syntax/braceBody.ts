/**
 * The inside of a span tag's braces, `{#code-a #code-b coder="jb" memo='…'}`: code
 * tokens and `key="value"` attributes, or the first thing that is neither, as an error.
 */
import { normaliseCodeName, scanCodeName } from './codeName';

/** A code token in the braces; offsets are into the scanned block string. */
export interface BraceTag {
  readonly code: string;
  readonly start: number;
  readonly end: number;
}

/** What the braces hold, or why they are not a valid span tag. */
export interface BraceBody {
  tags: BraceTag[];
  attributes: Record<string, string>;
  error?: string;
}

const HASH = 35;
const attributeToken = /([A-Za-z_][\w.-]*)=(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s"'}]+))/y;

/**
 * Parses the inside of a span's braces (`body`, found at `bodyOffset` of the block):
 * `#code` tokens and `key="value"` attributes.
 */
export function parseBraceBody(body: string, bodyOffset: number): BraceBody {
  const result: BraceBody = { tags: [], attributes: {} };
  let offset = 0;
  while (offset < body.length) {
    const code = body.charCodeAt(offset);
    if (code === 32 || code === 9 || code === 10 || code === 13) {
      offset++;
      continue;
    }
    if (code === HASH) {
      const nameEnd = scanCodeName(body, offset + 1);
      // The token goes on to the next whitespace: the name must be all of it.
      if (nameEnd === offset + 1 || (nameEnd < body.length && !isWhitespace(body, nameEnd))) {
        return { ...result, error: `\`${body.slice(offset, nextWhitespace(body, offset))}\` is not a valid code name: start with a letter and use letters, digits, \`_\`, \`-\`, \`.\` and \`/\` between levels.` };
      }
      result.tags.push({ code: normaliseCodeName(body.slice(offset + 1, nameEnd)), start: bodyOffset + offset, end: bodyOffset + nameEnd });
      offset = nameEnd;
      continue;
    }
    attributeToken.lastIndex = offset;
    const match = attributeToken.exec(body);
    if (!match) {
      return { ...result, error: `Unexpected \`${body.slice(offset, nextWhitespace(body, offset))}\` in span braces: use \`#code\` or \`key="value"\`.` };
    }
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    result.attributes[match[1]] = value.replace(/\\(.)/g, '$1');
    offset = attributeToken.lastIndex;
  }
  return result;
}

const whitespace = /\s/g;
const oneWhitespace = /\s/;

/** True when the character at `offset` is whitespace as `\s` reads it. */
function isWhitespace(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return oneWhitespace.test(text[offset]);
}

/** Offset of the next whitespace at or after `from` (no slice, no match object: speed). */
function nextWhitespace(text: string, from: number): number {
  whitespace.lastIndex = from;
  return whitespace.test(text) ? whitespace.lastIndex - 1 : text.length;
}
