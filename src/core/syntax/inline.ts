/**
 * The inline tag scanner: finds span tags `[passage]{#a #b key="v"}` and bare block
 * tags `#code` in one block's text, in its text only, as CommonMark 0.31 reads it:
 * not in code spans, autolinks or raw HTML, nor in a link's destination, title or
 * reference label, nor in an image's alt text. It follows commonmark.js's inline parser
 * for everything that decides those (left-to-right precedence, backslash escapes, the
 * bracket stack with its "no links in links" rule, references looked up in the study's
 * definitions) and leaves out what cannot hide text (emphasis, entities). In the text
 * it applies the README's "not a tag" rules (`#` after a word character, escaped `\#`,
 * entities, bare URLs, `#` before a digit). One pass, every search bounded or
 * remembered: 4 MB of unmatched openers stay linear.
 */
import { parseBraceBody } from './braceBody';
import { BracketStack } from './bracketStack';
import { CodeSpans } from './codeSpans';
import { ForwardSearch } from './forwardSearch';
import { isInsideBareUrl, isWordCharBefore, normaliseCodeName, scanCodeName } from './codeName';
import { HtmlMatcher } from './htmlInline';
import { NO_DEFINITIONS, type LinkDefinitions } from './linkDefinitions';
import { inlineLinkEnd, isEscapable, referenceLinkEnd } from './linkSyntax';
import { cellRanges } from './tables';

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
  /**
   * What readers do not see as text (code spans, autolinks, raw HTML, link and image
   * syntax), as sorted flat pairs `[start, end, …]`: no tag is read there, and no
   * coding should be written there.
   */
  readonly hidden: number[];
}

/** What the scanner needs to know about the block around the text. */
export interface InlineContext {
  /** The study's link reference definitions (`[text][label]` is a link only when defined). */
  readonly definitions?: LinkDefinitions;
  /** A GitHub table row: each cell (between unescaped `|`) is read on its own. */
  readonly tableRow?: boolean;
}

const BACKSLASH = 92;
const BACKTICK = 96;
const LESS_THAN = 60;
const HASH = 35;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const AMPERSAND = 38;
const BANG = 33;
const OPEN_PAREN = 40;
const OPEN_BRACE = 123;

const hexEntity = /#[xX][0-9a-fA-F]{1,6};/y;

/** The characters the scanner acts on; it jumps from one to the next. */
const SPECIAL_CHARACTER = /[\\`<[\]#]/g;


/** Scans one block's inline text (container markers already removed). */
export function scanInline(text: string, context: InlineContext = {}): InlineResult {
  const definitions = context.definitions ?? NO_DEFINITIONS;
  if (!context.tableRow) return new InlineScanner(text, definitions).scan();
  const result: InlineResult = { spans: [], bareTags: [], errors: [], hidden: [] };
  for (const [start, end] of cellRanges(text)) appendShifted(result, scanInline(text.slice(start, end), { definitions }), start);
  return result;
}

/** Appends a cell's result to its row's, its offsets moved by `by`. */
function appendShifted(row: InlineResult, cell: InlineResult, by: number): void {
  const tag = (found: InlineTag): InlineTag => ({ code: found.code, start: found.start + by, end: found.end + by });
  for (const span of cell.spans) row.spans.push({ open: span.open + by, close: span.close + by, end: span.end + by, tags: span.tags.map(tag), attributes: span.attributes });
  for (const bare of cell.bareTags) row.bareTags.push(tag(bare));
  for (const error of cell.errors) row.errors.push({ start: error.start + by, end: error.end + by, message: error.message });
  for (const offset of cell.hidden) row.hidden.push(offset + by);
}

class InlineScanner {
  private readonly spans: InlineSpan[] = [];
  private readonly bareTags: InlineTag[] = [];
  private readonly errors: InlineError[] = [];
  private readonly hidden: number[] = [];
  private readonly brackets = new BracketStack();
  /** Link openers (`[`, not `![`) below this stack index are inactive: a link closed after them. */
  private inactiveBelow = 0;
  /** The offset of the last character made literal by a backslash. */
  private escaped = -1;
  /** Set when hidden ranges were added out of order (an image's, around earlier ones). */
  private unordered = false;
  private codeSpans: CodeSpans | undefined;
  private html: HtmlMatcher | undefined;
  // Created when first needed: most blocks need none, and a review has ~100,000 blocks.
  private closingParens: ForwardSearch | undefined;
  private backticksAfter: ForwardSearch | undefined;
  private closingBraces: ForwardSearch | undefined;
  private lineBreaks: ForwardSearch | undefined;
  private hashes: ForwardSearch | undefined;

  constructor(
    private readonly text: string,
    private readonly definitions: LinkDefinitions,
  ) {}

  scan(): InlineResult {
    const text = this.text;
    const length = text.length;
    const special = SPECIAL_CHARACTER;
    let offset = 0;
    while (offset < length) {
      // Jump to the next character that can matter: most of a block is plain prose.
      if (!isSpecial(text.charCodeAt(offset))) {
        special.lastIndex = offset;
        if (!special.test(text)) break;
        offset = special.lastIndex - 1;
      }
      switch (text.charCodeAt(offset)) {
        case BACKSLASH:
          offset = this.backslash(offset);
          break;
        case BACKTICK:
          offset = this.backticks(offset);
          break;
        case LESS_THAN:
          offset = this.angle(offset);
          break;
        case OPEN_BRACKET:
          this.openBracket(offset);
          offset++;
          break;
        case CLOSE_BRACKET:
          offset = this.closeBracket(offset);
          break;
        default:
          offset = this.hash(offset);
      }
    }
    const hidden = this.unordered ? mergeFlat(this.hidden) : this.hidden;
    return { spans: this.spans, bareTags: this.bareTags, errors: this.errors, hidden };
  }

  private hide(start: number, end: number): void {
    const hidden = this.hidden;
    if (hidden.length > 0 && start < hidden[hidden.length - 1]) this.unordered = true;
    hidden.push(start, end);
  }

  private backslash(offset: number): number {
    if (!isEscapable(this.text.charCodeAt(offset + 1))) return offset + 1;
    this.escaped = offset + 1;
    return offset + 2;
  }

  /** A code span, or a literal run of backticks when no run of the same length closes it. */
  private backticks(offset: number): number {
    this.codeSpans ??= new CodeSpans(this.text);
    const { runEnd, closeEnd } = this.codeSpans.spanAt(offset);
    if (closeEnd === -1) return runEnd;
    this.hide(offset, closeEnd);
    return closeEnd;
  }

  /** An autolink or raw HTML, else a literal `<`. */
  private angle(offset: number): number {
    this.html ??= new HtmlMatcher(this.text);
    const end = this.html.endAt(offset);
    if (end === -1) return offset + 1;
    this.hide(offset, end);
    return end;
  }

  private openBracket(offset: number): void {
    const image = offset > 0 && this.text.charCodeAt(offset - 1) === BANG && this.escaped !== offset - 1;
    this.brackets.push(offset, image);
  }

  /**
   * A `]`: closes a link or an image when CommonMark says so (its syntax, and an image's
   * alt text, are hidden), else it is text, and with `{…}` after it closes a span tag.
   */
  private closeBracket(close: number): number {
    const text = this.text;
    const after = close + 1;
    const brackets = this.brackets;
    const slot = brackets.pop();
    const open = slot === -1 ? undefined : brackets.offset(slot);
    const image = slot !== -1 && brackets.image(slot);
    const active = slot !== -1 && (image || brackets.length >= this.inactiveBelow);
    this.inactiveBelow = Math.min(this.inactiveBelow, brackets.length);
    let end = -1;
    let reference = false;
    if (open !== undefined && active) {
      // Without a `)` further on, no inline link can close (this keeps `[a](` repeated linear).
      end = text.charCodeAt(after) === OPEN_PAREN && (this.closingParens ??= new ForwardSearch(text, ')')).next(after) !== -1 ? inlineLinkEnd(text, after) : -1;
      if (end === -1) {
        end = referenceLinkEnd(text, open, close, brackets.bracketAfter(slot), this.definitions);
        reference = end !== -1;
      }
    }
    if (end === -1 || (reference && !image && text.charCodeAt(end) === OPEN_BRACE)) {
      // Text: a reference link right before `{` keeps its brackets as text, so `[x]{#a}` is a span tag.
      if (end !== -1) this.inactiveBelow = brackets.length;
      return text.charCodeAt(after) === OPEN_BRACE ? this.braceGroup(open, close) : after;
    }
    if (image) {
      this.hide(open! - 1, end);
      this.dropFoundFrom(open! - 1);
    } else {
      this.hide(open!, open! + 1);
      this.hide(close, end);
      // No links in links: once a link closes, every earlier `[` (not `![`) is plain text.
      this.inactiveBelow = brackets.length;
    }
    return end;
  }

  /** Forgets the tags, spans and errors found from `start` on: an image's alt text is not text. */
  private dropFoundFrom(start: number): void {
    while (this.bareTags.length > 0 && this.bareTags[this.bareTags.length - 1].start >= start) this.bareTags.pop();
    while (this.spans.length > 0 && this.spans[this.spans.length - 1].open >= start) this.spans.pop();
    while (this.errors.length > 0 && this.errors[this.errors.length - 1].start >= start) this.errors.pop();
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

  /** True when `text[start, end)` holds a `#` (searched forward, without a copy). */
  private hasHashBetween(start: number, end: number): boolean {
    const hash = (this.hashes ??= new ForwardSearch(this.text, '#')).next(start);
    return hash !== -1 && hash < end;
  }

  /** Parses `{…}` after `]`; records a span, or an error when it is ours but broken. */
  private braceGroup(open: number | undefined, close: number): number {
    const text = this.text;
    const braceStart = close + 1;
    // A brace group holds no code span: a backtick before `}` leaves the braces unclosed,
    // and the code span after them is read as code.
    const backtick = (this.backticksAfter ??= new ForwardSearch(text, '`')).next(braceStart);
    const closing = (this.closingBraces ??= new ForwardSearch(text, '}')).next(braceStart);
    const braceEnd = backtick !== -1 && backtick < closing ? -1 : closing;
    if (braceEnd === -1) {
      const lineEnd = (this.lineBreaks ??= new ForwardSearch(text, '\n')).next(braceStart);
      const end = Math.min(lineEnd === -1 ? text.length : lineEnd, backtick === -1 ? text.length : backtick);
      if (!this.hasHashBetween(braceStart, end)) return close + 1;
      this.errors.push({ start: close, end, message: 'Span braces are never closed: add `}` after the codes, e.g. `]{#code}`.' });
      return end;
    }
    if (!this.hasHashBetween(braceStart + 1, braceEnd)) return close + 1; // a Pandoc attribute group, not a span tag
    const parsed = parseBraceBody(text.slice(braceStart + 1, braceEnd), braceStart + 1);
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

/** The characters of SPECIAL_CHARACTER, tested without a regular expression (runs of them). */
function isSpecial(code: number): boolean {
  return code === BACKSLASH || code === BACKTICK || code === LESS_THAN || code === OPEN_BRACKET || code === CLOSE_BRACKET || code === HASH;
}

/** Sorts and merges flat `[start, end, …]` pairs. */
function mergeFlat(flat: readonly number[]): number[] {
  const pairs: Array<[number, number]> = [];
  for (let index = 0; index < flat.length; index += 2) pairs.push([flat[index], flat[index + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  const merged: number[] = [];
  for (const [start, end] of pairs) {
    const last = merged.length - 1;
    if (last > 0 && start <= merged[last]) merged[last] = Math.max(merged[last], end);
    else merged.push(start, end);
  }
  return merged;
}
