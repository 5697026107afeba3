/**
 * The translation section of a meta-ethnography report: the concepts, the studies ×
 * concepts tables (split so a Markdown table stays readable), and the relations.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import { emphasis, heading, link, paragraph, strong, table, text } from './mdast';
import type { ReportTranslation, TranslationCell } from './translationTable';
import { pairwiseRelations, TERMS_PER_CELL, WORDS_PER_TERM } from './translationTable';
import { plural } from './wording';

/** Concepts per studies × concepts table: more would make each column too narrow to read. */
export const CONCEPTS_PER_TABLE = 4;

/** The section, or nothing when the review is not a meta-ethnography. */
export function translationSection(translation: ReportTranslation | undefined): RootContent[] {
  if (!translation) return [];
  const what = translation.conceptSource === 'themes' ? 'the themes the codebook marks `Kind: concept`' : 'the codes (the codebook marks no theme `Kind: concept`)';
  const out: RootContent[] = [
    heading(2, text('Translation of concepts')),
    paragraph(text(`How each study expresses each concept in its own terms. Concepts: ${what.replace(/`/g, '')}, in codebook order; studies by year, then id. Each cell quotes up to ${TERMS_PER_CELL} of the study’s segments for the concept (authors’ interpretations first), cut to ${WORDS_PER_TERM} words, each linked to its file and line; — : the study does not express the concept.`)),
    table(['Concept', 'Studies', 'Segments'], translation.concepts.map((concept) => [concept.label, String(concept.studies), String(concept.segments)])),
  ];
  const parts = Math.ceil(translation.concepts.length / CONCEPTS_PER_TABLE);
  for (let part = 0; part < parts; part++) {
    const first = part * CONCEPTS_PER_TABLE;
    const labels = translation.concepts.slice(first, first + CONCEPTS_PER_TABLE).map((concept) => concept.label);
    if (parts > 1) out.push(paragraph(strong(`Concepts ${first + 1}–${first + labels.length} of ${translation.concepts.length}`)));
    out.push(table(['Study', ...labels], translation.rows.map((row) => [row.citation, ...row.cells.slice(first, first + labels.length).map(cellContent)])));
  }
  out.push(...relationsPart(translation));
  return out;
}

function cellContent(cell: TranslationCell): PhrasingContent[] {
  if (cell.terms.length === 0) return [text('—')];
  const out: PhrasingContent[] = [];
  cell.terms.forEach((term, index) => out.push(...(index > 0 ? [text('; ')] : []), link(term.link, quoted(term.text))));
  if (cell.more > 0) out.push(text(` (+${cell.more})`));
  return out;
}

/** A term in quotation marks, unless the study's text already opens with one (a participant's quotation). */
function quoted(term: string): string {
  return /^["“‘'«„]/.test(term) ? term : `“${term}”`;
}

function relationsPart(translation: ReportTranslation): RootContent[] {
  const out: RootContent[] = [heading(3, text('Relations between concepts'))];
  const relations = pairwiseRelations(translation);
  if (relations.length === 0) return [...out, paragraph(emphasis('Neither the codebook (Reciprocal: or Refutes: lines under a theme) nor a memo (relation: in its front matter) states a relation between concepts.'))];
  const rows = relations.map((relation) => [
    relation.from,
    relation.kind === 'reciprocal' ? 'reciprocal' : 'refutational',
    relation.to,
    [...(relation.basis ? [text(relation.source === 'memo' ? `Memo “${relation.basis}” ` : `${relation.basis} `)] : []), text('('), link(relation.link, relation.location), text(')')],
    relation.shared.length > 0 ? `${relation.shared.length}: ${relation.shared.join('; ')}` : '0',
  ]);
  const memos = relations.filter((relation) => relation.source === 'memo').length;
  const where = memos === 0 ? ' stated in the codebook' : memos === rows.length ? ' stated by memo' : `, ${rows.length - memos} stated in the codebook and ${memos} by memo`;
  return [...out, paragraph(text(`${plural(relations.length, 'relation')}${where}; the last column counts the studies that express both concepts.`)), table(['Concept', 'Relation', 'Concept', 'Basis', 'Studies expressing both'], rows)];
}
