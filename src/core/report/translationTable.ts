/**
 * The meta-ethnography translation table (Noblit & Hare 1988): how each study expresses
 * each concept in its own terms, and the reciprocal and refutational relations the
 * codebook and the memos state between concepts, with the studies that express both.
 */
import { conceptRelations, conceptsOf, type ConceptRelation } from '../metaEthnography/concepts';
import { memoRelations } from '../metaEthnography/memoRelations';
import type { Memo } from '../memo/memo';
import type { RelationKind } from '../metaEthnography/relationSyntax';
import type { Codebook, Segment, Study } from '../model';
import { compareText } from '../text/compareText';
import type { Evidence } from './evidence';
import { fileLink, toExcerpt } from './excerpts';

/** A study's own words for a concept: one segment, shortened, with its link. */
export interface TranslationTerm {
  readonly text: string;
  readonly link: string;
}

/** One cell: up to `TERMS_PER_CELL` terms and how many segments were left out. */
export interface TranslationCell {
  readonly terms: readonly TranslationTerm[];
  readonly more: number;
}

/** The translation of a review. */
export interface ReportTranslation {
  /** `themes` when the codebook marks concepts, `codes` when every code is one. */
  readonly conceptSource: 'themes' | 'codes';
  readonly concepts: ReadonlyArray<{ readonly label: string; readonly studies: number; readonly segments: number }>;
  /** Studies by year (then id), each with one cell per concept. */
  readonly rows: ReadonlyArray<{ readonly id: string; readonly citation: string; readonly cells: readonly TranslationCell[] }>;
  /** Codebook relations in codebook order, then the memos' by memo path. */
  readonly relations: readonly TranslationRelation[];
}

/** A relation between two concepts, with where it is stated and the studies that express both. */
export interface TranslationRelation {
  readonly from: string;
  readonly kind: RelationKind;
  readonly to: string;
  /** The basis a codebook line states after its dash; a memo's title for a memo. */
  readonly basis: string;
  /** Where the relation is stated: a codebook line, or a memo file. */
  readonly source: 'codebook' | 'memo';
  readonly link: string;
  /** `codebook.md:8`, or the memo's review-relative path. */
  readonly location: string;
  /** Citations of the studies that express both concepts, by year. */
  readonly shared: readonly string[];
}

/** Terms quoted per cell, and words per term. */
export const TERMS_PER_CELL = 2;
export const WORDS_PER_TERM = 8;

/** Builds the translation of the filtered evidence; `linkBase` leads from the report folder to the review root. */
export function reportTranslation(codebook: Codebook, memos: readonly Memo[], evidence: Evidence, linkBase: string): ReportTranslation {
  const concepts = conceptsOf(codebook);
  const studies = [...evidence.studies].sort(byYear);
  // Per concept: study path → its segments, each once however many of the concept's codes it carries.
  const byConcept = concepts.map((concept) => {
    const byStudy = new Map<string, Set<Segment>>();
    for (const code of concept.codes) for (const [path, list] of evidence.segmentsByCode.get(code) ?? []) for (const segment of list) (byStudy.get(path) ?? byStudy.set(path, new Set()).get(path)!).add(segment);
    return byStudy;
  });
  const cell = (segments: ReadonlySet<Segment> | undefined): TranslationCell => {
    const sorted = [...(segments ?? [])].sort((a, b) => (a.order === b.order ? a.range.start - b.range.start : a.order === 'second' ? -1 : 1));
    const terms = sorted.slice(0, TERMS_PER_CELL).map((segment) => ({ text: shorten(segment.text), link: toExcerpt(segment, '', linkBase).link }));
    return { terms, more: sorted.length - terms.length };
  };
  const citation = (study: Study): string => evidence.citations.get(study.path) ?? study.id;
  const relations = [...conceptRelations(codebook, concepts).relations, ...memoRelations(memos, codebook, concepts).relations];
  const indexOf = new Map(concepts.map((concept, index) => [concept.key, index]));
  const where = (relation: ConceptRelation): Pick<TranslationRelation, 'basis' | 'source' | 'link' | 'location'> => {
    if (relation.memo) return { basis: relation.memo.title, source: 'memo', link: fileLink(linkBase, relation.memo.path), location: relation.memo.path };
    const line = relation.range.startPosition.line + 1;
    return { basis: relation.basis, source: 'codebook', link: `${fileLink(linkBase, codebook.path)}#L${line}`, location: `${codebook.path}:${line}` };
  };
  return {
    conceptSource: concepts.some((concept) => concept.source === 'theme') ? 'themes' : 'codes',
    concepts: concepts.map((concept, index) => ({ label: concept.label, studies: byConcept[index].size, segments: [...byConcept[index].values()].reduce((sum, set) => sum + set.size, 0) })),
    rows: studies.map((study) => ({ id: study.id, citation: citation(study), cells: byConcept.map((byStudy) => cell(byStudy.get(study.path))) })),
    relations: relations.map((relation) => {
      const [from, to] = [byConcept[indexOf.get(relation.from.key)!], byConcept[indexOf.get(relation.to.key)!]];
      return { from: relation.from.label, kind: relation.kind, to: relation.to.label, ...where(relation), shared: studies.filter((study) => from.has(study.path) && to.has(study.path)).map(citation) };
    }),
  };
}

/** The first words of a passage, an ellipsis where it is cut. */
export function shorten(text: string, words = WORDS_PER_TERM): string {
  const parts = text.replace(/\s+/g, ' ').trim().split(' ');
  return parts.length > words ? `${parts.slice(0, words).join(' ')} …` : parts.join(' ');
}

/** Studies by year (undated last), then id: the order a translation usually follows. */
function byYear(a: Study, b: Study): number {
  return (a.year ?? Infinity) - (b.year ?? Infinity) || compareText(a.id, b.id);
}
