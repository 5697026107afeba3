/**
 * The merge of three versions of the codebook. Its definitions (`- #code: …` list
 * items) are taken out; the rest — headings, descriptions, `CERQual:` and `Colour:`
 * paragraphs — is merged by git's line merge; then every definition is filed three-way
 * by (theme, code): a definition added on either side is kept under its theme (found by
 * its heading path, or its title when the theme moved), one removed on one side and
 * untouched on the other is removed, a code moved to another theme on one side moves.
 * The same code defined differently on both sides is a conflict showing both.
 */
import { parseCodebook } from '../codebook';
import { everyTheme } from '../themeWalk';
import type { Theme } from '../model';
import { withConflictMarkers, type ConflictLabels, type MergedText } from './conflictMarkers';
import { keepCoding } from './codingMerge';
import { resolveChunks, type LineMerge } from './lineMerge';
import { OffsetMap } from './offsetMap';

/** A definition of one version: the list item's lines, taken out at a line start of the rest. */
interface DefinitionPart {
  readonly code: string;
  readonly themePath: readonly string[];
  /** The item as written, with its line break. */
  readonly text: string;
  /** The definition text after `:` (what "defined differently" compares). */
  readonly definition: string;
  /** Offset in the version's text without definitions. */
  readonly at: number;
  readonly seq: number;
}

interface CodebookParts {
  readonly rest: string;
  readonly definitions: readonly DefinitionPart[];
}

type Side = 'base' | 'ours' | 'theirs';

const BOM = '\uFEFF';

/** Order of theirs' definitions after ours' at one offset. */
const THEIRS_SEQ = 1e12;

/** Merges three versions of the codebook (BOM allowed). */
export async function mergeCodebook(base: string, ours: string, theirs: string, lineMerge: LineMerge, labels?: ConflictLabels): Promise<MergedText> {
  const parts = { base: splitCodebook(strip(base)), ours: splitCodebook(strip(ours)), theirs: splitCodebook(strip(theirs)) };
  const chunks = await lineMerge(parts.base.rest, parts.ours.rest, parts.theirs.rest);
  const write = (prefer: 'ours' | 'theirs'): string => writeCodebook(parts, resolveChunks(chunks, prefer), prefer);
  const merged = withConflictMarkers(write('ours'), write('theirs'), labels);
  const [o, a, b] = [base, ours, theirs].map((text) => text.startsWith(BOM));
  return { text: ((a === b ? a : a === o ? b : a) ? BOM : '') + merged.text, conflicts: merged.conflicts };
}

/** The codebook without its definitions, and the definitions. */
function splitCodebook(text: string): CodebookParts {
  const codebook = parseCodebook('codebook.md', text);
  const cuts = codebook.definitions.map((definition) => {
    const start = definition.lineRange.start;
    const next = text.indexOf('\n', definition.lineRange.end);
    return { definition, start, end: next === -1 ? text.length : next + 1 };
  });
  const pieces: string[] = [];
  const definitions: DefinitionPart[] = [];
  let cursor = 0;
  let removed = 0;
  for (const cut of cuts) {
    if (cut.start < cursor) continue; // two definitions on one item: the item is taken out once
    pieces.push(text.slice(cursor, cut.start));
    definitions.push({
      code: cut.definition.code,
      themePath: cut.definition.themePath,
      text: text.slice(cut.start, cut.end),
      definition: cut.definition.definition,
      at: cut.start - removed,
      seq: cut.start,
    });
    removed += cut.end - cut.start;
    cursor = cut.end;
  }
  pieces.push(text.slice(cursor));
  return { rest: pieces.join(''), definitions };
}

/** One writing of the merged codebook on the merged rest, preferring `prefer` where definitions conflict. */
function writeCodebook(parts: Record<Side, CodebookParts>, rest: string, prefer: 'ours' | 'theirs'): string {
  const themes = everyTheme(parseCodebook('codebook.md', rest).themes);
  const placed = { base: placeAll(parts.base, rest, themes, 0), ours: placeAll(parts.ours, rest, themes, 0), theirs: placeAll(parts.theirs, rest, themes, THEIRS_SEQ) };
  const keys = new Set([...placed.ours.keys(), ...placed.theirs.keys(), ...placed.base.keys()]);
  const newOnBoth = codesDefinedDifferentlyOnBothSides(parts);
  const chosen: Array<{ at: number; seq: number; text: string }> = [];
  for (const key of keys) {
    const [o, a, b] = [placed.base.get(key), placed.ours.get(key), placed.theirs.get(key)];
    if (!keepCoding(o !== undefined, a !== undefined, b !== undefined)) continue;
    const code = (a ?? b)!.part.code;
    if (newOnBoth.has(code) && !(prefer === 'ours' ? a : b)) continue;
    const pick = chooseDefinition(o?.part, a?.part, b?.part, prefer);
    const where = (pick === a?.part ? a : pick === b?.part ? b : a ?? b)!;
    chosen.push({ at: where.at, seq: where.seq, text: pick.text });
  }
  chosen.sort((x, y) => x.at - y.at || x.seq - y.seq);
  return insertDefinitions(rest, chosen);
}

/** The definition text three-way: one side's change wins; both changed differently, the preferred one. */
function chooseDefinition(base: DefinitionPart | undefined, ours: DefinitionPart | undefined, theirs: DefinitionPart | undefined, prefer: 'ours' | 'theirs'): DefinitionPart {
  if (!ours) return theirs!;
  if (!theirs || ours.text === theirs.text) return ours;
  if (base && ours.text === base.text) return theirs;
  if (base && theirs.text === base.text) return ours;
  return prefer === 'ours' ? ours : theirs;
}

/** Codes the base does not define that both sides define, with different definitions. */
function codesDefinedDifferentlyOnBothSides(parts: Record<Side, CodebookParts>): Set<string> {
  const inBase = new Set(parts.base.definitions.map((part) => part.code));
  const first = (list: readonly DefinitionPart[]): Map<string, string> => {
    const map = new Map<string, string>();
    for (const part of list) if (!map.has(part.code)) map.set(part.code, part.definition);
    return map;
  };
  const [ours, theirs] = [first(parts.ours.definitions), first(parts.theirs.definitions)];
  return new Set([...ours].filter(([code, definition]) => !inBase.has(code) && theirs.has(code) && theirs.get(code) !== definition).map(([code]) => code));
}

/** A definition filed under a theme of the merged text, and where it is written. */
interface Placed {
  readonly part: DefinitionPart;
  readonly at: number;
  readonly seq: number;
}

/** Every definition of a version filed on the merged rest, by `theme path \0 code`. */
function placeAll(parts: CodebookParts, rest: string, themes: readonly Theme[], seqFrom: number): Map<string, Placed> {
  const map = new OffsetMap(parts.rest, rest);
  const placed = new Map<string, Placed>();
  for (const part of parts.definitions) {
    const anchor = map.start(part.at);
    const theme = themeFor(part.themePath, anchor, themes);
    const own = ownPart(theme, rest);
    const at = anchor >= own.start && anchor <= own.end ? anchor : own.append;
    const key = `${theme?.path.join('\u0000') ?? ''}\u0001${part.code}`;
    if (!placed.has(key)) placed.set(key, { part, at, seq: seqFrom + part.seq });
  }
  return placed;
}

/** The theme of the merged text a definition belongs under: same heading path, else same title, else where it lands. */
function themeFor(path: readonly string[], anchor: number, themes: readonly Theme[]): Theme | undefined {
  if (path.length === 0) return undefined;
  const samePath = themes.find((theme) => theme.path.join('\u0000') === path.join('\u0000'));
  if (samePath) return samePath;
  const title = path[path.length - 1];
  const sameTitle = themes.filter((theme) => theme.title === title);
  if (sameTitle.length === 1) return sameTitle[0];
  return [...themes].reverse().find((theme) => theme.range.start <= anchor);
}

/** The lines of a theme before its first sub-theme (the preamble for none), and where a definition is added to them. */
function ownPart(theme: Theme | undefined, rest: string): { start: number; end: number; append: number } {
  const firstHeading = rest.search(/^#{1,6}[ \t]/m);
  const start = theme ? lineAfter(rest, theme.range.end) : 0;
  const end = theme ? (theme.children.length > 0 ? theme.children[0].range.start : theme.sectionRange.end) : firstHeading === -1 ? rest.length : firstHeading;
  return { start, end: Math.max(start, end), append: Math.max(start, trimBlankEnd(rest, end)) };
}

/** The start of the line after `offset`'s line. */
function lineAfter(text: string, offset: number): number {
  const next = text.indexOf('\n', offset);
  return next === -1 ? text.length : next + 1;
}

/** The offset after the last line with content before `end`, so a definition goes before the blank lines that end a section. */
function trimBlankEnd(text: string, end: number): number {
  let cursor = end;
  while (cursor > 0) {
    const lineStart = text.lastIndexOf('\n', cursor - 2) + 1;
    if (/\S/.test(text.slice(lineStart, cursor))) break;
    cursor = lineStart;
  }
  return cursor;
}

/** The rest with the definitions written at their offsets (each on lines of its own). */
function insertDefinitions(rest: string, definitions: ReadonlyArray<{ at: number; text: string }>): string {
  const eol = /\r\n/.test(rest) ? '\r\n' : '\n';
  const out: string[] = [];
  let cursor = 0;
  let atLineStart = true;
  const write = (text: string): void => {
    if (text.length === 0) return;
    out.push(text);
    atLineStart = text.endsWith('\n');
  };
  for (const definition of definitions) {
    write(rest.slice(cursor, definition.at));
    if (!atLineStart) write(eol);
    write(definition.text);
    cursor = definition.at;
  }
  const tail = rest.slice(cursor);
  if (tail.length > 0 && !atLineStart) write(eol);
  write(tail);
  return out.join('');
}

function strip(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}
