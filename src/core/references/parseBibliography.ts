/**
 * Reads a bibliography file into CSL-JSON items with citation-js: BibTeX and BibLaTeX
 * (`.bib`, as Zotero, Mendeley, JabRef and Rayyan export it), RIS (`.ris`, and EndNote's
 * `.txt` RIS export; Covidence, Rayyan, Zotero, EndNote), or CSL-JSON (`.json`). Part of
 * the engines loaded only when a report or an import needs them (see src/node/loadEngines.ts).
 */
import { logger, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CslItem } from './cslItem';
import { normaliseDoi } from './cslItem';

/** The formats of a bibliography file. */
export type BibliographyFormat = 'bibtex' | 'ris' | 'csl-json';

/** The items read, and what could not be read (with its 0-based line where known). */
export interface ParsedBibliography {
  readonly items: CslItem[];
  readonly errors: ReadonlyArray<{ readonly line: number; readonly message: string }>;
}

/** The format of a file by its extension, else by its first characters (EndNote writes RIS as .txt). */
export function bibliographyFormat(path: string, text: string): BibliographyFormat | undefined {
  if (/\.(bib|bibtex)$/i.test(path)) return 'bibtex';
  if (/\.ris$/i.test(path)) return 'ris';
  if (/\.json$/i.test(path)) return 'csl-json';
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (/^TY {2}- /m.test(start.slice(0, 2000))) return 'ris';
  if (start.startsWith('@') || /^%[^\n]*\n\s*@/.test(start)) return 'bibtex';
  if (start.startsWith('[') || start.startsWith('{')) return 'csl-json';
  return undefined;
}

/** Parses a bibliography; a record that cannot be read is skipped with an error. */
export function parseBibliography(text: string, format: BibliographyFormat): ParsedBibliography {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  // EndNote writes the DOI in M3 ("type of work"), which citation-js drops: read it as DO.
  const source = format === 'ris' ? normalised.replace(/^M3 {2}- (10\.\d{4,9}\/\S+)\s*$/gm, 'DO  - $1') : normalised;
  const errors: Array<{ line: number; message: string }> = [];
  let raw: unknown[] = [];
  try {
    raw = format === 'csl-json' ? jsonItems(source) : (plugins.input.chain(source, { forceType: format === 'bibtex' ? '@biblatex/text' : '@ris/file', generateGraph: false }) as unknown[]);
  } catch (error) {
    errors.push({ line: 0, message: `cannot be read as ${FORMAT_NAMES[format]}: ${(error as Error).message}` });
  } finally {
    // citation-js keeps every log line it writes; the review should not pay for them.
    (logger as unknown as { _log: unknown[] })._log.length = 0;
  }
  const items = raw.map((entry, index) => toItem(entry, index)).filter((item): item is CslItem => item !== undefined);
  if (items.length === 0 && errors.length === 0 && source.trim()) errors.push({ line: 0, message: `holds no ${FORMAT_NAMES[format]} record` });
  return { items, errors };
}

const FORMAT_NAMES: Record<BibliographyFormat, string> = { bibtex: 'BibTeX', ris: 'RIS', 'csl-json': 'CSL-JSON' };

function jsonItems(text: string): unknown[] {
  const data = JSON.parse(text) as unknown;
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object' && Array.isArray((data as { items?: unknown }).items)) return (data as { items: unknown[] }).items;
  return [data];
}

/** A CSL item with an id (RIS records have none: `ris-1`, `ris-2` … in file order) and a bare DOI. */
function toItem(entry: unknown, index: number): CslItem | undefined {
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return undefined;
  const record = { ...(entry as Record<string, unknown>) };
  if (typeof record.id !== 'string' && typeof record.id !== 'number') record.id = typeof record['citation-key'] === 'string' ? record['citation-key'] : `record-${index + 1}`;
  record.id = String(record.id);
  if (typeof record.type !== 'string') record.type = 'article-journal';
  if (typeof record.DOI === 'string') record.DOI = normaliseDoi(record.DOI);
  record.issued = issuedDate(record.issued);
  if (record.issued === undefined) delete record.issued;
  delete record._graph;
  return record as unknown as CslItem;
}

/** EndNote's `2011///` and `1998/11/01/` dates, which citation-js keeps raw, as date parts. */
function issuedDate(issued: unknown): unknown {
  if (!issued || typeof issued !== 'object') return issued;
  const raw = (issued as { raw?: unknown }).raw;
  if (typeof raw !== 'string') return issued;
  const match = /^\s*(\d{4})(?:[/-](\d{1,2}))?(?:[/-](\d{1,2}))?/.exec(raw);
  if (!match) return raw.trim() ? { literal: raw.trim() } : undefined;
  return { 'date-parts': [match.slice(1).filter(Boolean).map(Number)] };
}
