/**
 * Bibliographic data as CSL-JSON (the Citation Style Language's data model, which
 * Zotero, Mendeley and citeproc share), and the reading of it from a study's front
 * matter: `title`, `author`, `issued`, `container-title`, `volume`, `issue`, `page`,
 * `DOI` and the other CSL variables, written as in CSL-JSON or in friendlier forms
 * (`issued: 2005`, `author: [Mowbray CT, "Moxley, David P."]`).
 */
import type { AttributeValue } from '../model';

/** A CSL name: a person (`family`, `given`) or an organisation (`literal`). */
export interface CslName {
  readonly family?: string;
  readonly given?: string;
  readonly literal?: string;
  readonly suffix?: string;
  readonly 'non-dropping-particle'?: string;
  readonly 'dropping-particle'?: string;
}

/** A CSL date: `{ 'date-parts': [[2005, 3]] }`, or a literal such as `in press`. */
export interface CslDate {
  readonly 'date-parts'?: ReadonlyArray<ReadonlyArray<number>>;
  readonly literal?: string;
}

/** One CSL-JSON item. */
export interface CslItem {
  readonly id: string;
  readonly type: string;
  readonly title?: string;
  readonly author?: readonly CslName[];
  readonly editor?: readonly CslName[];
  readonly issued?: CslDate;
  readonly 'container-title'?: string;
  readonly volume?: string;
  readonly issue?: string;
  readonly page?: string;
  readonly DOI?: string;
  readonly URL?: string;
  readonly 'citation-key'?: string;
  readonly [variable: string]: unknown;
}

/** The CSL variables read from front matter besides `title`, `author`, `editor`, `issued`. */
const TEXT_VARIABLES = [
  'container-title', 'container-title-short', 'collection-title', 'volume', 'issue', 'page', 'number', 'edition',
  'DOI', 'URL', 'PMID', 'PMCID', 'ISBN', 'ISSN', 'publisher', 'publisher-place', 'genre', 'language', 'note', 'citation-key',
] as const;

/** Front-matter keys that make a study's bibliographic data (with `title`). */
const DATA_KEYS = ['author', 'authors', 'issued', 'year', 'container-title', 'DOI', 'publisher'];

/**
 * The CSL item of a study's front matter, or `undefined` when it has no bibliographic
 * data (a `title` and at least an author, a date, a journal, a DOI or a publisher).
 * `author`/`issued` win over the older `authors`/`year`.
 */
export function cslFromFrontMatter(id: string, data: Readonly<Record<string, AttributeValue>>): CslItem | undefined {
  if (typeof data.title !== 'string' || !DATA_KEYS.some((key) => data[key] !== undefined && data[key] !== null)) return undefined;
  return cslFields(id, data);
}

/** The CSL variables present in front matter (for overriding a bibliography entry). */
export function cslFields(id: string, data: Readonly<Record<string, AttributeValue>>): CslItem {
  const item: Record<string, unknown> = { id, type: typeof data.type === 'string' ? data.type : 'article-journal' };
  if (typeof data.title === 'string') item.title = data.title.trim();
  const authors = names(data.author ?? data.authors);
  if (authors.length > 0) item.author = authors;
  const editors = names(data.editor);
  if (editors.length > 0) item.editor = editors;
  const issued = cslDate(data.issued ?? data.year);
  if (issued) item.issued = issued;
  for (const variable of TEXT_VARIABLES) {
    const value = data[variable];
    if (typeof value === 'string' || typeof value === 'number') item[variable] = String(value).trim();
  }
  if (typeof item.DOI === 'string') item.DOI = normaliseDoi(item.DOI);
  return item as CslItem;
}

/** `https://doi.org/10.1/X` and `doi:10.1/X` → `10.1/X`. */
export function normaliseDoi(doi: string): string {
  return doi.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
}

/** Names as CSL names: mappings as they are, `Family, Given`, Vancouver `Family AB`, else an organisation. */
function names(value: AttributeValue | undefined): CslName[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\s*;\s*/) : [];
  return list.map(toName).filter((name): name is CslName => name !== undefined);
}

function toName(value: AttributeValue): CslName | undefined {
  if (typeof value === 'string') return nameFromText(value);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const name: Record<string, string> = {};
  for (const part of ['family', 'given', 'literal', 'suffix', 'non-dropping-particle', 'dropping-particle']) {
    const text = value[part];
    if (typeof text === 'string' && text.trim()) name[part] = text.trim();
  }
  return Object.keys(name).length > 0 ? name : undefined;
}

/** `Mowbray, Carol T.` → family and given; `Mowbray CT` → family and initials; `World Health Organization` → literal. */
export function nameFromText(text: string): CslName | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const comma = trimmed.indexOf(',');
  if (comma > 0) return { family: trimmed.slice(0, comma).trim(), given: trimmed.slice(comma + 1).trim() };
  const vancouver = /^(.+?)\s+(\p{Lu}{1,3})$/u.exec(trimmed);
  if (vancouver) return { family: vancouver[1], given: vancouver[2].split('').join('. ') + '.' };
  return { literal: trimmed };
}

/** A year, `2005-03`, `2005-03-12`, CSL date-parts, or literal text (`in press`). */
export function cslDate(value: AttributeValue | undefined): CslDate | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return { 'date-parts': [[value]] };
  if (typeof value === 'string') {
    const match = /^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*$/.exec(value);
    if (!match) return value.trim() ? { literal: value.trim() } : undefined;
    return { 'date-parts': [match.slice(1).filter(Boolean).map(Number)] };
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const parts = value['date-parts'];
    if (Array.isArray(parts) && Array.isArray(parts[0])) return { 'date-parts': parts.map((part) => (part as AttributeValue[]).map(Number).filter(Number.isFinite)) };
    if (typeof value.literal === 'string') return { literal: value.literal };
    if (typeof value.raw === 'string') return cslDate(value.raw);
  }
  return undefined;
}

/** The year of an item's `issued` date. */
export function issuedYear(item: Pick<CslItem, 'issued'>): number | undefined {
  return item.issued?.['date-parts']?.[0]?.[0];
}

/** A name as the short citations print it: `Mowbray CT`, or the organisation. */
export function shortName(name: CslName): string {
  if (name.literal) return name.literal;
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  const initials = (name.given ?? '').split(/[\s.-]+/).filter(Boolean).map((part) => part.charAt(0).toUpperCase()).join('');
  return initials ? `${family} ${initials}` : family;
}
