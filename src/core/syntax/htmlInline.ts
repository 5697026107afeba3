/**
 * Autolinks and raw HTML at a `<`, exactly as CommonMark 0.31 defines them (the
 * patterns are commonmark.js's): `<scheme:…>`, `<user@host>`, open and closing tags,
 * comments (`<!-->`, `<!--->` and `<!-- … -->`), processing instructions `<? … ?>`,
 * declarations `<!X … >` and CDATA. `<crosstalk #overlap>` or `x<y for #a` is text.
 * The searches for a closing `-->`, `?>`, `>` or `]]>` remember their answer, so a
 * block full of unclosed openers stays linear.
 */

const TAG_NAME = '[A-Za-z][A-Za-z0-9-]*';
const ATTRIBUTE = `(?:\\s+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:\\s*=\\s*(?:[^"'=<>\`\\x00-\\x20]+|'[^']*'|"[^"]*"))?)`;
const openTag = new RegExp(`<${TAG_NAME}${ATTRIBUTE}*\\s*/?>`, 'y');
const closingTag = new RegExp(`</${TAG_NAME}\\s*>`, 'y');
const autolink = /<[A-Za-z][A-Za-z0-9.+-]{1,31}:[^<>\x00-\x20]*>/y;
const emailAutolink = /<[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*>/y;

/** Finds the end of the autolink or raw HTML at a `<` of one text. */
export class HtmlMatcher {
  /** Per searched string, the last search: where it started and what it found. */
  private readonly found = new Map<string, { from: number; at: number }>();

  constructor(private readonly text: string) {}

  /** The offset just past the autolink or HTML starting at `offset` (a `<`), or -1 when it is text. */
  endAt(offset: number): number {
    const text = this.text;
    if (!mayFollowLessThan(text.charCodeAt(offset + 1))) return -1;
    // An e-mail autolink's user part may start with `!`, `?` or `/`: it is tried first.
    // Each autolink is tried only if its `@` or `:` is there at all (rare in prose).
    if (this.closedBy('@', offset) !== -1 && matchesAt(emailAutolink, text, offset)) return emailAutolink.lastIndex;
    if (this.closedBy(':', offset) !== -1 && matchesAt(autolink, text, offset)) return autolink.lastIndex;
    const next = text.charCodeAt(offset + 1);
    if (next === 33 /* ! */) return this.bang(offset);
    if (next === 63 /* ? */) return this.closedBy('?>', offset + 2);
    const tag = next === 47 /* / */ ? closingTag : openTag;
    return matchesAt(tag, text, offset) ? tag.lastIndex : -1;
  }

  /** `<!-- … -->`, `<![CDATA[ … ]]>` or a declaration `<!X … >`. */
  private bang(offset: number): number {
    const text = this.text;
    if (text.startsWith('<!--', offset)) {
      if (text.startsWith('<!-->', offset)) return offset + 5;
      if (text.startsWith('<!--->', offset)) return offset + 6;
      return this.closedBy('-->', offset + 4);
    }
    if (text.startsWith('<![CDATA[', offset)) return this.closedBy(']]>', offset + 9);
    const letter = text.charCodeAt(offset + 2) | 32;
    return letter >= 97 && letter <= 122 ? this.closedBy('>', offset + 3) : -1;
  }

  /** The offset past the first `close` at or after `from`, or -1. */
  private closedBy(close: string, from: number): number {
    const last = this.found.get(close);
    let at: number;
    // Searches move forward: an answer at or after `from` (or none at all) still holds.
    if (last && last.from <= from && (last.at === -1 || last.at >= from)) at = last.at;
    else {
      at = this.text.indexOf(close, from);
      this.found.set(close, { from, at });
    }
    return at === -1 ? -1 : at + close.length;
  }
}

/** True when the sticky `pattern` matches at `offset` (its `lastIndex` is then the end). */
function matchesAt(pattern: RegExp, text: string, offset: number): boolean {
  pattern.lastIndex = offset;
  return pattern.test(text);
}

/** True for a character that can follow `<` in an autolink or HTML: ASCII letters, digits and `!#$%&'*+./=?^_\`{|}~-`. */
function mayFollowLessThan(code: number): boolean {
  return code > 32 && code < 127 && code !== 34 && code !== 40 && code !== 41 && code !== 44 && code !== 58 && code !== 59 && code !== 60 && code !== 62 && code !== 64 && code !== 91 && code !== 92 && code !== 93;
}
