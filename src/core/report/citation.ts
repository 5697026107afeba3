/**
 * Short citations for excerpts and tables: "Mowbray 2005", "Mowbray & Moxley 2005",
 * "Mowbray et al. 2005"; falls back to the citation text, then the study id. Studies
 * that would share a label get author-year suffixes ("Smith 2005a", "Smith 2005b").
 */
import type { Study } from '../model';
import { cslFields, issuedYear, type CslItem } from '../references/cslItem';
import { compareText } from '../text/compareText';

/** The family name of "Mowbray CT" or "Mowbray, C. T." or "Carol Mowbray". */
function familyName(author: string): string {
  const trimmed = author.trim();
  if (trimmed.includes(',')) return trimmed.split(',')[0].trim();
  const words = trimmed.split(/\s+/);
  // "Mowbray CT": initials come after the name (Vancouver style).
  if (words.length > 1 && /^[A-Z]{1,3}\.?$/.test(words[words.length - 1])) return words.slice(0, -1).join(' ');
  return words[words.length - 1];
}

/**
 * "Author Year" label of a study, from `authors` and `year`, or from CSL-JSON `author`
 * (family names, organisations whole) and `issued` when those are what the front matter has.
 */
export function shortCitation(study: Study, item?: CslItem): string {
  const csl = item ?? (study.attributes.author !== undefined || study.year === undefined ? cslFields(study.path, study.attributes) : undefined);
  const year = (item && issuedYear(item)) ?? study.year ?? (csl && issuedYear(csl)) ?? '';
  const fromCsl = item?.author ?? (study.attributes.author !== undefined ? csl?.author : undefined);
  const names = (fromCsl ? fromCsl.map((name) => name.literal ?? name.family ?? '') : study.authors.map(familyName)).filter(Boolean);
  let who: string;
  if (names.length === 0) who = study.citation ? study.citation.split(/[.,]/)[0].trim() : study.id;
  else if (names.length === 1) who = names[0];
  else if (names.length === 2) who = `${names[0]} & ${names[1]}`;
  else who = `${names[0]} et al.`;
  return `${who} ${year}`.trim();
}

/**
 * Unique "Author Year" labels by study path. Studies sharing a label are told apart by
 * a letter after the year, in path order, so the labels do not depend on reading order.
 * `items` gives the CSL item of studies whose names and year are in a bibliography.
 */
export function citationLabels(studies: readonly Study[], items?: ReadonlyMap<string, CslItem>): Map<string, string> {
  const byLabel = new Map<string, Study[]>();
  for (const study of studies) {
    const label = shortCitation(study, items?.get(study.path));
    const group = byLabel.get(label);
    if (group) group.push(study);
    else byLabel.set(label, [study]);
  }
  const labels = new Map<string, string>();
  for (const [label, group] of byLabel) {
    if (group.length === 1) {
      labels.set(group[0].path, label);
      continue;
    }
    group.sort((a, b) => compareText(a.path, b.path));
    group.forEach((study, index) => labels.set(study.path, `${label}${suffix(index)}`));
  }
  return labels;
}

/** a, b, … z, aa, ab … */
function suffix(index: number): string {
  const letter = String.fromCharCode(97 + (index % 26));
  return index < 26 ? letter : suffix(Math.floor(index / 26) - 1) + letter;
}
