/**
 * Where each theme path of a memo's `about: themes:` is written, scalar by scalar, so a
 * theme rename can edit the titles it changes and nothing else: the quoting, the flow or
 * block list, the comments around them stay as they are. Only the layouts a reviewer (or
 * New Memo…) writes are read — a flow list, a block list, a single scalar, each entry a
 * path string (`Parent > Child`) or a list of titles — and the caller checks the result
 * against what the YAML parser read, so an unusual layout is left alone, never misedited.
 */
import yaml from 'js-yaml';
import type { ScalarStyle } from '../yaml/yamlScalar';
import { aboutBlock } from './memo';

/** One scalar of the front matter, with its offsets in the memo's text. */
export interface YamlScalar {
  readonly start: number;
  readonly end: number;
  /** The value the scalar holds (quotes and escapes undone). */
  readonly value: string;
  readonly style: ScalarStyle;
  /** True inside a flow list (`[…]`), where `,` and brackets end a plain scalar. */
  readonly inFlow: boolean;
}

/** One theme of `about: themes:`: a path string in one scalar, or a list of titles. */
export interface ThemeEntry {
  /** `path`: one scalar holding the titles with separators; `titles`: one scalar per title. */
  readonly form: 'path' | 'titles';
  readonly scalars: readonly YamlScalar[];
}

/**
 * The theme entries written in a memo's front matter (`header`: the text up to its
 * body), in order; `undefined` when there is no `themes:` key in its `about:` block or
 * the layout is not one this reads.
 */
export function themeEntries(header: string): ThemeEntry[] | undefined {
  const block = aboutBlock(header);
  if (!block) return undefined;
  const key = /(?:^|[\s{,])themes[ \t]*:(?=[ \t\r\n])/m.exec(header.slice(block.start, block.end));
  if (!key) return undefined;
  const keyEnd = block.start + key.index + key[0].length;
  const keyIndent = keyEnd - key[0].replace(/^[\s{,]/, '').length - lineStartOf(header, keyEnd);
  const reader = new EntryReader(header, block.end);
  const valueStart = reader.skipSpace(keyEnd);
  if (atLineEnd(header, valueStart)) return reader.blockList(valueStart, keyIndent);
  if (header[valueStart] === '[') return reader.flowList(valueStart);
  const scalar = reader.scalar(valueStart, false);
  return scalar && [{ form: 'path', scalars: [scalar.scalar] }];
}

/** Reads scalars and lists from `text`, never past `limit`. */
class EntryReader {
  constructor(
    private readonly text: string,
    private readonly limit: number,
  ) {}

  /** Skips spaces and tabs and a comment after them, to the end of the line. */
  skipSpace(offset: number): number {
    while (offset < this.limit && (this.text[offset] === ' ' || this.text[offset] === '\t')) offset++;
    if (this.text[offset] === '#') while (offset < this.limit && this.text[offset] !== '\n') offset++;
    return offset;
  }

  /** Skips white space, line breaks and comments (inside a flow list). */
  private skipAll(offset: number): number {
    for (;;) {
      const next = this.skipSpace(offset);
      if (next < this.limit && (this.text[next] === '\n' || this.text[next] === '\r')) offset = next + 1;
      else return next;
    }
  }

  /** `[a > b, [c, d], …]`: each item a path scalar or a list of title scalars. */
  flowList(open: number): ThemeEntry[] | undefined {
    const entries: ThemeEntry[] = [];
    let offset = this.skipAll(open + 1);
    while (this.text[offset] !== ']') {
      if (this.text[offset] === '[') {
        const titles = this.flowTitles(offset);
        if (!titles) return undefined;
        entries.push({ form: 'titles', scalars: titles.scalars });
        offset = titles.end;
      } else {
        const read = this.scalar(offset, true);
        if (!read) return undefined;
        entries.push({ form: 'path', scalars: [read.scalar] });
        offset = read.end;
      }
      offset = this.skipAll(offset);
      if (this.text[offset] === ',') offset = this.skipAll(offset + 1);
      else if (this.text[offset] !== ']') return undefined;
    }
    return entries;
  }

  /** `[title, title]` inside a flow list. */
  private flowTitles(open: number): { scalars: YamlScalar[]; end: number } | undefined {
    const scalars: YamlScalar[] = [];
    let offset = this.skipAll(open + 1);
    while (this.text[offset] !== ']') {
      const read = this.scalar(offset, true);
      if (!read) return undefined;
      scalars.push(read.scalar);
      offset = this.skipAll(read.end);
      if (this.text[offset] === ',') offset = this.skipAll(offset + 1);
      else if (this.text[offset] !== ']') return undefined;
    }
    return { scalars, end: offset + 1 };
  }

  /**
   * A block list under the key: `- a > b`, `- [c, d]`, or `- - c` with `- d` lines below
   * it (a nested list of titles). Stops at the first line outside the list.
   */
  blockList(from: number, keyIndent: number): ThemeEntry[] | undefined {
    const entries: Array<{ form: ThemeEntry['form']; scalars: YamlScalar[] }> = [];
    let itemIndent = -1;
    for (let lineStart = nextLine(this.text, from); lineStart < this.limit; lineStart = nextLine(this.text, lineStart)) {
      const indent = /^[ \t]*/.exec(this.text.slice(lineStart, this.limit))![0].length;
      const first = lineStart + indent;
      if (atLineEnd(this.text, this.skipSpace(first))) continue;
      if (this.text[first] !== '-' || indent < keyIndent) break;
      if (itemIndent < 0) itemIndent = indent;
      let offset = this.skipSpace(first + 1);
      if (indent === itemIndent) {
        if (this.text[offset] === '-' && /[ \t]/.test(this.text[offset + 1] ?? '')) {
          entries.push({ form: 'titles', scalars: [] });
          offset = this.skipSpace(offset + 1);
        } else if (this.text[offset] === '[') {
          const titles = this.flowTitles(offset);
          if (!titles || !atLineEnd(this.text, this.skipSpace(titles.end))) return undefined;
          entries.push({ form: 'titles', scalars: titles.scalars });
          continue;
        } else {
          entries.push({ form: 'path', scalars: [] });
        }
      } else if (indent < itemIndent || entries[entries.length - 1]?.form !== 'titles') {
        return undefined;
      }
      const read = this.scalar(offset, false);
      if (!read || !atLineEnd(this.text, this.skipSpace(read.end))) return undefined;
      entries[entries.length - 1].scalars.push(read.scalar);
    }
    return entries;
  }

  /** A scalar at `start`: quoted, or plain up to what ends it in its context. */
  scalar(start: number, inFlow: boolean): { scalar: YamlScalar; end: number } | undefined {
    const quote = this.text[start];
    if (quote === '"' || quote === "'") {
      const end = quote === '"' ? doubleQuotedEnd(this.text, start, this.limit) : singleQuotedEnd(this.text, start, this.limit);
      if (end < 0) return undefined;
      const value = quotedValue(this.text.slice(start, end));
      if (value === undefined) return undefined;
      return { scalar: { start, end, value, style: quote === '"' ? 'double' : 'single', inFlow }, end };
    }
    let end = start;
    const stop = inFlow ? /[,[\]{}\r\n]/ : /[\r\n]/;
    while (end < this.limit && !stop.test(this.text[end]) && !(this.text[end] === '#' && /[ \t]/.test(this.text[end - 1]))) end++;
    while (end > start && /[ \t]/.test(this.text[end - 1])) end--;
    if (end === start) return undefined;
    return { scalar: { start, end, value: this.text.slice(start, end), style: 'plain', inFlow }, end };
  }
}

/** The value of a quoted scalar, as the YAML parser reads it; `undefined` if it does not read as one string. */
function quotedValue(raw: string): string | undefined {
  try {
    const value: unknown = yaml.safeLoad(raw);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The offset after the closing `"` (a `\` escapes the next character); -1 when unclosed. */
function doubleQuotedEnd(text: string, start: number, limit: number): number {
  for (let offset = start + 1; offset < limit; offset++) {
    if (text[offset] === '\\') offset++;
    else if (text[offset] === '"') return offset + 1;
  }
  return -1;
}

/** The offset after the closing `'` (`''` is a quote inside); -1 when unclosed. */
function singleQuotedEnd(text: string, start: number, limit: number): number {
  for (let offset = start + 1; offset < limit; offset++) {
    if (text[offset] !== "'") continue;
    if (text[offset + 1] === "'") offset++;
    else return offset + 1;
  }
  return -1;
}

function atLineEnd(text: string, offset: number): boolean {
  return offset >= text.length || text[offset] === '\n' || text[offset] === '\r';
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function nextLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}
