/**
 * Makes the .docx byte-identical for the same review. The docx library stamps the
 * document properties with the current time, gives hyperlink relationships random ids
 * and numbers drawings and bookmarks with counters shared by every document of the process; the zip
 * entries carry the time too. This rewrites those parts in order of appearance and
 * zips again with fixed dates (fflate, which the docx library also uses).
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate/browser';

/** The date written when no timestamp is asked for (the zip format's epoch). */
const FIXED_DATE = '1980-01-01T00:00:00Z';

/** The package with fixed dates (`timestamp`: `YYYY-MM-DD`, else 1980-01-01) and ids numbered in order. */
export function deterministicPackage(bytes: Uint8Array, timestamp?: string): Uint8Array {
  const files = unzipSync(bytes);
  const names = Object.keys(files);
  const date = timestamp ? `${timestamp}T00:00:00Z` : FIXED_DATE;
  const text = new Map<string, string>();
  for (const name of names) if (/\.(xml|rels)$/.test(name)) text.set(name, strFromU8(files[name]));
  renumberRelationships(text);
  renumberDrawings(text);
  renumberBookmarks(text);
  const core = text.get('docProps/core.xml');
  if (core) text.set('docProps/core.xml', core.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${date.replace('.000', '')}$2`));
  const mtime = new Date(date);
  const zippable: Zippable = {};
  for (const name of names) zippable[name] = [text.has(name) ? strToU8(text.get(name)!) : files[name], { mtime, level: 6 }];
  return zipSync(zippable);
}

/** Relationship ids that are not `rIdN` (random ones) become `rIdQsN`, in every part that uses them. */
function renumberRelationships(text: Map<string, string>): void {
  for (const [name, rels] of text) {
    if (!name.endsWith('.rels')) continue;
    const part = partOf(name);
    const ids = [...rels.matchAll(/\bId="([^"]+)"/g)].map((match) => match[1]).filter((id) => !/^rId\d+$/.test(id));
    if (ids.length === 0) continue;
    const renamed = new Map(ids.map((id, index) => [id, `rIdQs${index + 1}`]));
    const rename = (xml: string): string => xml.replace(/(\b(?:Id|r:id|r:embed|r:link)=")([^"]+)"/g, (whole, prefix: string, id: string) => (renamed.has(id) ? `${prefix}${renamed.get(id)}"` : whole));
    text.set(name, rename(rels));
    const source = text.get(part);
    if (source) text.set(part, rename(source));
  }
}

/** `word/_rels/document.xml.rels` → `word/document.xml`. */
function partOf(rels: string): string {
  return rels.replace(/_rels\/([^/]+)\.rels$/, '$1');
}

/** Drawing ids (`wp:docPr id`), counted per process by the library, numbered from 1 in document order. */
function renumberDrawings(text: Map<string, string>): void {
  let next = 1;
  for (const name of [...text.keys()].sort()) {
    if (!name.startsWith('word/') || !name.endsWith('.xml')) continue;
    const xml = text.get(name)!;
    if (xml.includes('<wp:docPr')) text.set(name, xml.replace(/(<wp:docPr\b[^>]*?\bid=")\d+"/g, (_whole, prefix: string) => `${prefix}${next++}"`));
  }
}

/** Bookmark ids (`w:bookmarkStart`/`w:bookmarkEnd` `w:id`), counted per process by the library, numbered from 1 in document order. */
function renumberBookmarks(text: Map<string, string>): void {
  const xml = text.get('word/document.xml');
  if (!xml?.includes('<w:bookmarkStart')) return;
  const ids = new Map<string, number>();
  text.set('word/document.xml', xml.replace(/(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)"/g, (_whole, prefix: string, id: string) => `${prefix}${ids.get(id) ?? ids.set(id, ids.size + 1).get(id)}"`));
}
