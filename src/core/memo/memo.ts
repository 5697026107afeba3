/**
 * Memo files (`memos/*.md`): the reviewers' own writing about codes, themes, studies or
 * the whole review. Front matter says what a memo is about, who wrote it and when; the
 * body is free Markdown. A memo is never coded data: its `#code` tags are references
 * (navigation, rename and merge follow them), never segments.
 */
import { readFrontMatter } from '../frontMatter';
import type { AttributeValue, Problem, TagOccurrence, TextSpan } from '../model';
import { scanTags } from '../syntax/scanTags';
import { normaliseCodeName } from '../syntax/codeName';
import { LineIndex } from '../text/lineIndex';
import { scanStudyReferences, type StudyReference } from './studyReferences';

/** Something a memo names in its `about:` front matter, with where it is written. */
export interface MemoTarget<T> {
  readonly value: T;
  /** The range of the name in the front matter (the whole `about:` line when not found). */
  readonly range: TextSpan;
}

/** What a memo is about. */
export interface MemoAbout {
  readonly codes: ReadonlyArray<MemoTarget<string>>;
  /** Theme paths: heading titles from the top. */
  readonly themes: ReadonlyArray<MemoTarget<readonly string[]>>;
  /** Study ids. */
  readonly studies: ReadonlyArray<MemoTarget<string>>;
  /** True for a memo about the review as a whole (a line of argument, a synthesis). */
  readonly review: boolean;
}

/** What a meta-ethnography memo says of the concepts it is about (Noblit & Hare's three syntheses). */
export type MemoRelationKind = 'reciprocal' | 'refutational' | 'line-of-argument';

/** A memo's `relation:` front matter: the concepts under `about:` relate so. */
export interface MemoRelation {
  readonly kind: MemoRelationKind;
  /** The `relation:` line: where problems of the relation go. */
  readonly range: TextSpan;
}

/** One memo file. */
export interface Memo {
  /** Review-relative path. */
  readonly path: string;
  /** Front matter `title`, else the first heading, else the file name. */
  readonly title: string;
  readonly author?: string;
  /** As written; YAML dates (`2012-05-02`) read as `YYYY-MM-DD`. */
  readonly date?: string;
  readonly about: MemoAbout;
  /** The relation the memo states between the concepts it is about, when it has `relation:`. */
  readonly relation?: MemoRelation;
  /** The Markdown body, after the front matter, trimmed. */
  readonly body: string;
  /** `#code` references in the body, in source order. */
  readonly tags: readonly TagOccurrence[];
  /** `@study-id` references in the body (Pandoc citations), in source order. */
  readonly studyReferences: readonly StudyReference[];
  /** Problems of this file alone (front matter). */
  readonly problems: readonly Problem[];
  /** Range of the `about:` line, or the file start: where problems about the targets go. */
  readonly aboutRange: TextSpan;
}

/** Separators accepted between the titles of a theme path written as one string. */
export const THEME_PATH_SEPARATOR = /\s+(?:›|>|\/)\s+/;

/** Parses a memo's text (BOM removed); never throws. */
export function parseMemo(path: string, text: string): Memo {
  const frontMatter = readFrontMatter(text);
  const lines = new LineIndex(text);
  const problems: Problem[] = [];
  if (frontMatter.error) {
    const { line, column, message } = frontMatter.error;
    const offset = lines.offsetAt({ line, column });
    problems.push({ path, range: lines.span(offset, Math.max(offset, lines.lineEnd(line))), severity: 'error', kind: 'invalid-front-matter', message });
  }
  const data = frontMatter.data;
  const header = text.slice(0, frontMatter.bodyStart);
  const aboutRange = keyLineRange(header, 'about', lines);
  const about = readAbout(data.about, header, aboutRange, lines, (message) => problems.push({ path, range: aboutRange, severity: 'warning', kind: 'memo-target', message }));
  const relation = readRelation(data.relation, keyLineRange(header, 'relation', lines), (range, message) => problems.push({ path, range, severity: 'warning', kind: 'concept-relation', message }));
  const scanned = scanTags(text, frontMatter.bodyStart, (code, start, end) => lines.tag(code, start, end));
  // Line ends as \n, so a memo reads (and exports) the same from a Windows checkout.
  const body = text.slice(frontMatter.bodyStart).replace(/\r\n?/g, '\n').trim();
  return {
    path,
    title: scalar(data.title) ?? firstHeading(body) ?? fileName(path),
    author: scalar(data.author),
    date: scalar(data.date),
    about,
    ...(relation ? { relation } : {}),
    body,
    tags: scanned.tags,
    studyReferences: scanStudyReferences(text, frontMatter.bodyStart, lines),
    problems,
    aboutRange,
  };
}

/** The body's first paragraph as one line: what hovers and tree tooltips show. */
export function memoFirstLines(memo: Memo, maxLength = 160): string {
  const paragraph = memo.body.split(/\r?\n\s*\r?\n/).find((part) => part.trim() !== '' && !/^#{1,6}\s/.test(part.trim())) ?? '';
  const line = paragraph.replace(/\s+/g, ' ').trim();
  return line.length > maxLength ? `${line.slice(0, maxLength - 1).trimEnd()}…` : line;
}

function readAbout(value: AttributeValue | undefined, header: string, aboutRange: TextSpan, lines: LineIndex, warn: (message: string) => void): MemoAbout {
  const empty: MemoAbout = { codes: [], themes: [], studies: [], review: false };
  if (value === undefined || value === null) {
    warn('This memo does not say what it is about: add `about:` with `codes:`, `themes:`, `studies:` or `review: true` to its front matter.');
    return empty;
  }
  if (value === 'review') return { ...empty, review: true };
  if (typeof value !== 'object' || Array.isArray(value)) {
    warn('`about:` must be `review` or a mapping with `codes:`, `themes:`, `studies:` or `review: true` (e.g. `about: { codes: [peer-network] }`).');
    return empty;
  }
  const locate = (name: string): TextSpan => locateInAbout(header, name, lines) ?? aboutRange;
  const codes = listOf(value.codes).map((name) => normaliseCodeName(name.replace(/^#/, ''))).map((code) => ({ value: code, range: locate(code) }));
  const studies = listOf(value.studies).map((id) => ({ value: id, range: locate(id) }));
  const themes = themeList(value.themes).map((themePath) => ({ value: themePath, range: locate(themePath[themePath.length - 1]) }));
  const review = value.review === true || value.review === 'yes';
  for (const key of Object.keys(value)) {
    if (!['codes', 'themes', 'studies', 'review'].includes(key)) warn(`\`about: ${key}\` is not known: a memo is about \`codes\`, \`themes\`, \`studies\` or the \`review\`.`);
  }
  return { codes, themes, studies, review };
}

/** Accepted `relation:` values, as the codebook's relation lines spell them too. */
const RELATION_VALUES: Readonly<Record<string, MemoRelationKind>> = {
  reciprocal: 'reciprocal',
  refutational: 'refutational',
  refutes: 'refutational',
  refutation: 'refutational',
  'line-of-argument': 'line-of-argument',
  'line of argument': 'line-of-argument',
};

function readRelation(value: AttributeValue | undefined, range: TextSpan, warn: (range: TextSpan, message: string) => void): MemoRelation | undefined {
  if (value === undefined || value === null) return undefined;
  const kind = typeof value === 'string' ? RELATION_VALUES[value.trim().toLowerCase()] : undefined;
  if (!kind) warn(range, `\`relation:\` must be \`reciprocal\`, \`refutational\` or \`line-of-argument\` (the concepts under \`about:\` translate into one another, stand against one another, or are drawn into one line of argument).`);
  return kind ? { kind, range } : undefined;
}

/** Theme paths: a list of strings (`A > B`) or of lists of titles. */
function themeList(value: AttributeValue | undefined): string[][] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return items
    .map((item) => (Array.isArray(item) ? item.map((title) => String(title).trim()) : String(item).split(THEME_PATH_SEPARATOR).map((title) => title.trim())))
    .filter((path) => path.length > 0 && path.every((title) => title !== ''));
}

function listOf(value: AttributeValue | undefined): string[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return items.map((item) => scalar(item)).filter((item): item is string => item !== undefined);
}

/** The range of a name in the front matter's `about:` block, if it is written there. */
function locateInAbout(header: string, name: string, lines: LineIndex): TextSpan | undefined {
  const block = aboutBlock(header);
  if (!block) return undefined;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?<=^|[\\s\\[,'"#:>›/])${escaped}(?=$|[\\s\\],'"/>›])`, 'mu').exec(header.slice(block.start, block.end));
  return match ? lines.span(block.start + match.index, block.start + match.index + name.length) : undefined;
}

/** The `about:` key and its indented lines, as offsets into the front matter. */
export function aboutBlock(header: string): { start: number; end: number } | undefined {
  const start = /^about[ \t]*:/m.exec(header);
  if (!start) return undefined;
  const next = /^(?:[^\s#-]|---)/m.exec(header.slice(start.index + start[0].length));
  const end = next ? start.index + start[0].length + next.index : header.length;
  return { start: start.index, end };
}

function keyLineRange(header: string, key: string, lines: LineIndex): TextSpan {
  const match = new RegExp(`^${key}[ \\t]*:.*$`, 'm').exec(header);
  return match ? lines.span(match.index, match.index + match[0].replace(/\r$/, '').length) : lines.span(0, 0);
}

function scalar(value: AttributeValue | undefined): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function firstHeading(body: string): string | undefined {
  return /^#{1,6}\s+(.+?)\s*#*\s*$/m.exec(body)?.[1];
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.(md|markdown)$/i, '');
}
