/**
 * Short citations for excerpts and tables: "Mowbray 2005", "Mowbray & Moxley 2005",
 * "Mowbray et al. 2005"; falls back to the citation text, then the study id.
 */
import type { Study } from '../model';

/** The family name of "Mowbray CT" or "Mowbray, C. T." or "Carol Mowbray". */
function familyName(author: string): string {
  const trimmed = author.trim();
  if (trimmed.includes(',')) return trimmed.split(',')[0].trim();
  const words = trimmed.split(/\s+/);
  // "Mowbray CT": initials come after the name (Vancouver style).
  if (words.length > 1 && /^[A-Z]{1,3}\.?$/.test(words[words.length - 1])) return words.slice(0, -1).join(' ');
  return words[words.length - 1];
}

/** "Author Year" label of a study. */
export function shortCitation(study: Study): string {
  const year = study.year ?? '';
  const names = study.authors.map(familyName).filter(Boolean);
  let who: string;
  if (names.length === 0) who = study.citation ? study.citation.split(/[.,]/)[0] : study.id;
  else if (names.length === 1) who = names[0];
  else if (names.length === 2) who = `${names[0]} & ${names[1]}`;
  else who = `${names[0]} et al.`;
  return `${who} ${year}`.trim();
}
