/**
 * The inline tag scanner: finds span tags `[passage]{#a #b key="v"}` and bare block
 * tags `#code` in one block's text, skipping everything DESIGN.md says is not a tag
 * (inline code, HTML comments and tags, autolinks, URLs, link destinations, entities,
 * `#` after a word character, escaped `\#`, `#` before a digit).
 */
import { parseBraceBody } from './braceBody';
import { isInsideBareUrl, isWordCharBefore, normaliseCodeName, scanCodeName } from './codeName';
import { definitionRest } from './linkDefinitions';

/** A tag found by the inline scanner; offsets are into the scanned string. */
export interface InlineTag {
  readonly code: string;
  readonly start: number;
  readonly end: number;
}

/** A span tag; offsets are into the scanned string. */
export interface InlineSpan {
  /** Offset of `[`. */
  readonly open: number;
  /** Offset of `]`. */
  readonly close: number;
  /** Offset just past `}`. */
  readonly end: number;
  readonly tags: readonly InlineTag[];
  readonly attributes: Readonly<Record<string, string>>;
}

/** A syntax error in a span tag; offsets are into the scanned string. */
export interface InlineError {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

/** Everything the inline scanner finds in one block. */
export interface InlineResult {
  /** Spans in order of their closing bracket (inner spans before outer ones). */
  readonly spans: InlineSpan[];
  /** Bare tags outside any brace group, in source order. */
  readonly bareTags: InlineTag[];
  readonly errors: InlineError[];
}

const BACKSLASH = 92;
const BACKTICK = 96;
const LESS_THAN = 60;
const HASH = 35;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const AMPERSAND = 38;

const htmlTag = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/y;
const autolink = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/y;
const emailAutolink = /<[^\s<>@]+@[^\s<>]+>/y;
const hexEntity = /#[xX][0-9a-fA-F]{1,6};/y;
/** Longest link destination skipped as a link; longer ones are scanned as text. */
const MAX_DESTINATION_LENGTH = 4096;

/** The characters the scanner acts on; it jumps from one to the next. */
const SPECIAL_CHARACTER = /[\\`<[\]#]/g;

/** Scans one block's inline text (container markers already removed). */
export function scanInline(text: string): InlineResult {
  return new InlineScanner(text).scan();
}

class InlineScanner {
  private readonly spans: InlineSpan[] = [];
  private readonly bareTags: InlineTag[] = [];
  private readonly errors: InlineError[] = [];
  private readonly openBrackets: number[] = [];
  /** End of the link reference definitions that open the block, or -2 when none. */
  private definitionsEnd = -2;

  constructor(private readonly text: string) {}

  scan(): InlineResult {
    const text = this.text;
    const length = text.length;
    const special = SPECIAL_CHARACTER;
    let offset = 0;
    while (offset < length) {
      // Jump to the next character that can matter: most of a block is plain prose.
      special.lastIndex = offset;
      if (!special.test(text)) break;
      offset = special.lastIndex - 1;
      const code = text.charCodeAt(offset);
      switch (code) {
        case BACKSLASH:
          offset += 2;
          break;
        case BACKTICK:
          offset = this.skipCodeSpan(offset);
          break;
        case LESS_THAN:
          offset = this.skipHtml(offset);
          break;
        case OPEN_BRACKET:
          this.openBrackets.push(offset);
          offset++;
          break;
        case CLOSE_BRACKET:
          offset = this.closeBracket(offset);
          break;
        case HASH:
          offset = this.hash(offset);
          break;
        default:
          offset++;
      }
    }
    return { spans: this.spans, bareTags: this.bareTags, errors: this.errors };
  }

  /** Last answer of `nextIndex` per character: where the search started and what it found. */
  private lastFound: Map<string, { from: number; at: number }> | undefined;

  /**
   * `text.indexOf(char, from)`, remembering the answer: searches move forward, so a
   * result at or after `from` (or none at all) is still right for a later `from`. This
   * keeps a block full of unmatched openers linear instead of quadratic.
   */
  private nextIndex(char: string, from: number): number {
    // Created when first needed: most blocks need none, and a review has ~100,000 blocks.
    this.lastFound ??= new Map();
    const last = this.lastFound.get(char);
    if (last && last.from <= from && (last.at === -1 || last.at >= from)) return last.at;
    const at = this.text.indexOf(char, from);
    this.lastFound.set(char, { from, at });
    return at;
  }

  /** Skips a code span: a run of n backticks up to the next run of exactly n. */
  private skipCodeSpan(start: number): number {
    const text = this.text;
    let runEnd = start;
    while (text.charCodeAt(runEnd) === BACKTICK) runEnd++;
    const runLength = runEnd - start;
    if (this.unclosedRuns?.has(runLength)) return runEnd;
    let search = runEnd;
    for (;;) {
      const next = this.nextIndex('`', search);
      if (next === -1) {
        // No closing run: the backticks are literal, and so is any later run this long.
        (this.unclosedRuns ??= new Set()).add(runLength);
        return runEnd;
      }
      let closeEnd = next;
      while (text.charCodeAt(closeEnd) === BACKTICK) closeEnd++;
      if (closeEnd - next === runLength) return closeEnd;
      search = closeEnd;
    }
  }

  /** Backtick run lengths known to have no closing run further on. */
  private unclosedRuns: Set<number> | undefined;
  /** Set once an HTML comment is found never closed: later `<!--` are not either. */
  private unclosedComment = false;

  /** Skips HTML comments, tags and autolinks that start at `<`. */
  private skipHtml(start: number): number {
    const text = this.text;
    if (text.startsWith('<!--', start)) {
      const close = this.unclosedComment ? -1 : text.indexOf('-->', start + 4);
      this.unclosedComment = close === -1;
      return close === -1 ? start + 1 : close + 3;
    }
    for (const pattern of [autolink, emailAutolink, htmlTag]) {
      pattern.lastIndex = start;
      if (pattern.test(text)) return pattern.lastIndex;
    }
    return start + 1;
  }

  /** A `#`: a bare tag unless one of the "not a tag" rules applies. */
  private hash(start: number): number {
    const text = this.text;
    const nameStart = start + 1;
    if (isWordCharBefore(text, start) || text.charCodeAt(start - 1) === HASH) return nameStart;
    if (text.charCodeAt(start - 1) === AMPERSAND) {
      hexEntity.lastIndex = start;
      if (hexEntity.test(text)) return hexEntity.lastIndex;
    }
    const nameEnd = scanCodeName(text, nameStart);
    if (nameEnd === nameStart) return nameStart;
    if (isInsideBareUrl(text, start)) return nameEnd;
    this.bareTags.push({ code: normaliseCodeName(text.slice(nameStart, nameEnd)), start, end: nameEnd });
    return nameEnd;
  }

  /** A `]`: closes a span when `{…}` with a code follows, or skips a link's target. */
  private closeBracket(close: number): number {
    const text = this.text;
    const open = this.openBrackets.pop();
    const next = text.charCodeAt(close + 1);
    if (next === 123 /* { */) return this.braceGroup(open, close);
    if (open === undefined) return close + 1;
    if (next === 40 /* ( */) return this.skipLinkDestination(close + 1);
    if (next === 58 /* : */ && (open === 0 || open === this.definitionsEnd + 1)) return this.skipDefinition(close);
    return close + 1;
  }

  /**
   * Skips a link reference definition's destination and title (to the line end, or
   * to the next line's end when the destination is on the next line). Definitions
   * may follow each other at the start of a block.
   */
  private skipDefinition(close: number): number {
    const text = this.text;
    const lineEnd = (from: number): number => {
      const newline = this.nextIndex('\n', from);
      return newline === -1 ? text.length : newline;
    };
    let end = lineEnd(close);
    let rest = text.slice(close + 2, end);
    if (rest.trim() === '' && end < text.length) {
      end = lineEnd(end + 1);
      rest = text.slice(close + 2, end);
    }
    if (!definitionRest.test(rest)) return close + 1; // not a definition: plain text
    this.definitionsEnd = end;
    return end;
  }

  /** Skips `(destination "title")` after a link's text, parentheses balanced. */
  private skipLinkDestination(start: number): number {
    const text = this.text;
    if (this.nextIndex(')', start) === -1) return start;
    // A bound keeps a block of unclosed `](` linear; real destinations (even data URLs) fit.
    const limit = Math.min(text.length, start + MAX_DESTINATION_LENGTH);
    let depth = 0;
    for (let offset = start; offset < limit; offset++) {
      const code = text.charCodeAt(offset);
      if (code === BACKSLASH) offset++;
      else if (code === 40) depth++;
      else if (code === 41 && --depth === 0) return offset + 1;
      else if (code === 10 && text.charCodeAt(offset + 1) === 10) break;
    }
    return start; // not a link after all: scan on as text
  }

  /** Parses `{…}` after `]`; records a span, or an error when it is ours but broken. */
  private braceGroup(open: number | undefined, close: number): number {
    const text = this.text;
    const braceStart = close + 1;
    // A brace group holds no code span: a backtick before `}` leaves the braces unclosed,
    // and the code span after them is read as code.
    const backtick = this.nextIndex('`', braceStart);
    const closing = this.nextIndex('}', braceStart);
    const braceEnd = backtick !== -1 && backtick < closing ? -1 : closing;
    if (braceEnd === -1) {
      const lineEnd = this.nextIndex('\n', braceStart);
      const end = Math.min(lineEnd === -1 ? text.length : lineEnd, backtick === -1 ? text.length : backtick);
      if (!text.slice(braceStart, end).includes('#')) return close + 1;
      this.errors.push({ start: close, end, message: 'Span braces are never closed: add `}` after the codes, e.g. `]{#code}`.' });
      return end;
    }
    const body = text.slice(braceStart + 1, braceEnd);
    if (!body.includes('#')) return close + 1; // a Pandoc attribute group, not a span tag
    const parsed = parseBraceBody(body, braceStart + 1);
    if (open === undefined) {
      this.errors.push({ start: close, end: braceEnd + 1, message: 'Span tag `]{…}` has no opening `[`: put `[` before the coded passage.' });
      return braceEnd + 1;
    }
    if (parsed.error) {
      this.errors.push({ start: braceStart, end: braceEnd + 1, message: parsed.error });
      return braceEnd + 1;
    }
    if (parsed.tags.length === 0) {
      this.errors.push({ start: braceStart, end: braceEnd + 1, message: 'Span braces hold no valid code: write `{#code}` with a name that starts with a letter.' });
      return braceEnd + 1;
    }
    this.spans.push({ open, close, end: braceEnd + 1, tags: parsed.tags, attributes: parsed.attributes });
    return braceEnd + 1;
  }
}
