/**
 * New study files from the records of a reference manager's export (RIS, BibTeX,
 * CSL-JSON, already read into CSL items): one file per record, its id from the first
 * author and the year (unique in the review), its front matter filled with the record's
 * bibliographic data in CSL-JSON names, then the template's fields and sections. A
 * record is skipped when its DOI, its citation key or its title and year is already a
 * study of the review or an earlier record of the same file (exports repeat records).
 */
import yaml from 'js-yaml';
import type { Study } from '../model';
import { issuedYear, normaliseDoi, type CslItem } from '../references/cslItem';
import { studyDetailLines, studyIdFrom, IMPORTED_STUDY_BODY } from './templates';

/** A study file to create. */
export interface PlannedStudy {
  readonly id: string;
  /** Review-relative path. */
  readonly path: string;
  readonly text: string;
  /** "Mowbray 2005: Consumers as mental health providers". */
  readonly label: string;
}

/** A record left out, and why. */
export interface SkippedRecord {
  /** 1-based position of the record in the file. */
  readonly record: number;
  readonly label: string;
  readonly reason: string;
}

/** What an import creates and skips. */
export interface StudiesPlan {
  readonly created: readonly PlannedStudy[];
  readonly skipped: readonly SkippedRecord[];
}

/** The CSL variables written into a new study's front matter, in this order. */
const WRITTEN = ['type', 'title', 'author', 'editor', 'issued', 'container-title', 'collection-title', 'volume', 'issue', 'page', 'publisher', 'publisher-place', 'DOI', 'URL', 'PMID', 'ISBN', 'ISSN', 'genre', 'language'] as const;

/** Plans the study files for `items` in `folder` (review-relative, e.g. `studies`). */
export function planStudies(items: readonly CslItem[], existing: readonly Study[], folder: string): StudiesPlan {
  const seen = new Seen();
  for (const study of existing) seen.add(keysOfStudy(study), study.path);
  const taken = new Set(existing.map((study) => study.id));
  const created: PlannedStudy[] = [];
  const skipped: SkippedRecord[] = [];
  items.forEach((item, index) => {
    const label = recordLabel(item);
    const keys = keysOfItem(item);
    const duplicate = seen.find(keys);
    if (duplicate) {
      skipped.push({ record: index + 1, label, reason: `${duplicate.what} is already in ${duplicate.where}` });
      return;
    }
    const id = studyIdFrom(`${firstAuthor(item)} ${issuedYear(item) ?? 'nd'}`, taken);
    taken.add(id);
    const path = `${folder ? `${folder}/` : ''}${id}.md`;
    seen.add(keys, `record ${index + 1} of the file (${path})`);
    created.push({ id, path, text: studyText(id, item), label });
  });
  return { created, skipped };
}

/** The text of a study file for a record. */
export function studyText(id: string, item: CslItem): string {
  const data: Record<string, unknown> = { id };
  const key = item['citation-key'];
  if (typeof key === 'string' && key) data['citation-key'] = key;
  for (const variable of WRITTEN) {
    const value = variable === 'issued' ? issuedValue(item) : item[variable];
    if (value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)) data[variable] = value;
  }
  const year = issuedYear(item);
  if (year !== undefined) data.year = year;
  const front = yaml.safeDump(data, { lineWidth: -1, noRefs: true, skipInvalid: true });
  return `---\n${front}${studyDetailLines()}---\n\n${IMPORTED_STUDY_BODY}`;
}

/** `2005`, `"2005-03"`, or CSL date parts as written; a literal date stays literal. */
function issuedValue(item: CslItem): unknown {
  const parts = item.issued?.['date-parts']?.[0];
  if (!parts || parts.length === 0) return item.issued?.literal;
  if (parts.length === 1) return parts[0];
  return parts.map((part, index) => (index === 0 ? String(part) : String(part).padStart(2, '0'))).join('-');
}

/** The first author's family name (or organisation), else the editor's, else `anonymous`. */
function firstAuthor(item: CslItem): string {
  const name = item.author?.[0] ?? item.editor?.[0];
  return name?.family ?? name?.literal ?? 'anonymous';
}

/** "Müller 2010: Peer work in Zürich" for messages. */
export function recordLabel(item: CslItem): string {
  const title = (item.title ?? 'untitled').replace(/\s+/g, ' ');
  return `${firstAuthor(item)} ${issuedYear(item) ?? 'n.d.'}: ${title.length > 70 ? `${title.slice(0, 69)}…` : title}`;
}

type Keys = Array<{ key: string; what: string }>;

function keysOfItem(item: CslItem): Keys {
  const keys: Keys = [];
  if (typeof item.DOI === 'string' && item.DOI.trim()) keys.push({ key: `doi:${normaliseDoi(item.DOI).toLowerCase()}`, what: `DOI ${normaliseDoi(item.DOI)}` });
  const citationKey = item['citation-key'];
  if (typeof citationKey === 'string' && citationKey) keys.push({ key: `key:${citationKey.toLowerCase()}`, what: `citation key ${citationKey}` });
  if (item.title) keys.push({ key: `title:${normalTitle(item.title)}|${issuedYear(item) ?? ''}`, what: 'a record with the same title and year' });
  return keys;
}

function keysOfStudy(study: Study): Keys {
  const data = study.attributes;
  const keys: Keys = [{ key: `key:${study.id.toLowerCase()}`, what: `id ${study.id}` }];
  if (typeof data.DOI === 'string') keys.push({ key: `doi:${normaliseDoi(data.DOI).toLowerCase()}`, what: `DOI ${normaliseDoi(data.DOI)}` });
  if (typeof data['citation-key'] === 'string') keys.push({ key: `key:${data['citation-key'].toLowerCase()}`, what: `citation key ${data['citation-key']}` });
  const year = typeof data.issued === 'number' ? data.issued : study.year;
  if (typeof data.title === 'string') keys.push({ key: `title:${normalTitle(data.title)}|${year ?? ''}`, what: 'a study with the same title and year' });
  return keys;
}

/** Titles compared without case, accents, punctuation or spacing. */
function normalTitle(title: string): string {
  return title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Keys seen so far, and where. */
class Seen {
  private readonly where = new Map<string, string>();

  add(keys: Keys, where: string): void {
    for (const { key } of keys) if (!this.where.has(key)) this.where.set(key, where);
  }

  find(keys: Keys): { what: string; where: string } | undefined {
    for (const { key, what } of keys) {
      const where = this.where.get(key);
      if (where) return { what: what.startsWith('a record') ? 'a record with the same title and year' : what, where };
    }
    return undefined;
  }
}

/** The folder new studies go to: the fixed start of the `studies:` glob (`studies/**\/*.md` → `studies`). */
export function studyFolder(glob: string): string {
  const parts = glob.split('/');
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (/[*?[\]{}!]/.test(part)) break;
    fixed.push(part);
  }
  return fixed.join('/');
}
