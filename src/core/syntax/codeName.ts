/**
 * Code names: `#` then a letter (any script), then letters, digits, marks, `_`, `-`,
 * `.`, with `/` between levels. A name never ends with `.`, `-`, `_` or `/`, so the
 * sentence's full stop in `#low-pay.` is not part of the code, and `_` stands only
 * between letters and digits.
 */

const letter = /\p{L}/u;
const nameChar = /[\p{L}\p{N}\p{M}_\-.]/u;
const wordChar = /[\p{L}\p{N}\p{M}_]/u;
const alphanumeric = /^[\p{L}\p{N}\p{M}]$/u;

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

function isAsciiNameChar(code: number): boolean {
  return isAsciiLetter(code) || (code >= 48 && code <= 57) || code === 95 || code === 45 || code === 46;
}

/** The full code point at an offset, as a string (one or two UTF-16 units). */
function codePointAt(text: string, offset: number): string {
  const point = text.codePointAt(offset);
  return point === undefined ? '' : String.fromCodePoint(point);
}

/** True when the character at `offset` can start a code name. */
export function isNameStart(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  if (code < 128) return isAsciiLetter(code);
  return letter.test(codePointAt(text, offset));
}

/** True when the character ending just before `offset` is a word character (`C#`). */
export function isWordCharBefore(text: string, offset: number): boolean {
  if (offset === 0) return false;
  const code = text.charCodeAt(offset - 1);
  if (code < 128) return isAsciiLetter(code) || (code >= 48 && code <= 57) || code === 95;
  const start = code >= 0xdc00 && code <= 0xdfff && offset >= 2 ? offset - 2 : offset - 1;
  return wordChar.test(codePointAt(text, start));
}

function isNameCharAt(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  if (code < 128) return isAsciiNameChar(code) ? 1 : 0;
  const char = codePointAt(text, offset);
  return nameChar.test(char) ? char.length : 0;
}

/** True for a letter, digit or mark: what may stand on both sides of `_` in a name. */
function isAlphanumericAt(text: string, offset: number, limit: number): boolean {
  if (offset < 0 || offset >= limit) return false;
  const code = text.charCodeAt(offset);
  if (code < 128) return isAsciiLetter(code) || (code >= 48 && code <= 57);
  if (code >= 0xdc00 && code <= 0xdfff && offset > 0) return alphanumeric.test(text.slice(offset - 1, offset + 1));
  return alphanumeric.test(codePointAt(text, offset));
}

/**
 * The end offset of the code name starting at `start` (just after `#`), or `start`
 * when no name starts there. Trailing `.`, `-` and `/` are left out, and so is
 * anything after an empty level (`a//b` is the code `a`). `_` joins letters and digits
 * only (`#low_pay`): next to anything else it may close emphasis (`_#stigma_`), so the
 * name ends before it, as readers see it.
 */
export function scanCodeName(text: string, start: number, limit = text.length): number {
  if (start >= limit || !isNameStart(text, start)) return start;
  let offset = start;
  let end = start;
  while (offset < limit) {
    if (text.charCodeAt(offset) === 95 /* _ */) {
      let runEnd = offset;
      while (runEnd < limit && text.charCodeAt(runEnd) === 95) runEnd++;
      if (!isAlphanumericAt(text, offset - 1, limit) || !isAlphanumericAt(text, runEnd, limit)) break;
      offset = runEnd;
      continue;
    }
    const width = isNameCharAt(text, offset);
    if (width > 0) {
      offset += width;
      const last = text.charCodeAt(offset - 1);
      if (last !== 46 && last !== 45) end = offset;
      continue;
    }
    if (text.charCodeAt(offset) === 47 && offset + 1 < limit && isNameCharAt(text, offset + 1) > 0) {
      offset += 1;
      continue;
    }
    break;
  }
  return end;
}

/** Normalises a code name to NFC (ASCII names are returned as they are). */
export function normaliseCodeName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(name) ? name : name.normalize('NFC');
}

/** True when the whole string is a valid code name (without `#`). */
export function isValidCodeName(name: string): boolean {
  return name.length > 0 && scanCodeName(name, 0) === name.length;
}

const urlStart = /^(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/|www\.|mailto:)/i;
/** Characters that end a bare URL when looking back from a `#`. */
const urlBoundary = /[\s<>"'()[\]{}]/;

/**
 * True when the `#` at `offset` is a fragment of a bare URL (`https://x.org/a#b`,
 * `www.x.org/#b`, `mailto:…#b`): the token it ends, back to whitespace or a bracket,
 * quote or angle bracket, starts like a URL.
 */
export function isInsideBareUrl(text: string, offset: number): boolean {
  let tokenStart = offset;
  const limit = Math.max(0, offset - 2048);
  while (tokenStart > limit && !urlBoundary.test(text[tokenStart - 1])) tokenStart--;
  return urlStart.test(text.slice(tokenStart, offset));
}
