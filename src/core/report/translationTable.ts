/**
 * The meta-ethnography translation table (Noblit & Hare 1988): how each study expresses
 * each concept in its own terms, and the reciprocal, refutational and line-of-argument
 * relations the codebook and the memos state between concepts, with the studies that
 * express both. The Markdown section, `translation.csv`, `relations.csv` and the JSON
 * index's `translation` are all read from this one model.
 */
import { conceptRelations, conceptsOf, type Concept, type ConceptRelation } from '../metaEthnography/concepts';
import { memoRelations, type LineOfArgument } from '../metaEthnography/memoRelations';
import type { Memo, MemoRelationKind } from '../memo/memo';
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
  /** Every segment of the study that expresses the concept, in the terms' order (authors' interpretations first, then by position), each once. */
  readonly segments: readonly Segment[];
}

/** A concept with the number of studies and segments that express it. */
export interface TranslationConcept {
  /** `#code`, or the theme's heading path joined with ` › `: unique within the codebook. */
  readonly key: string;
  /** The theme's title, or `#code`. */
  readonly label: string;
  readonly kind: Concept['source'];
  /** The theme's heading path, for a theme concept. */
  readonly path?: readonly string[];
  /** The codes whose segments express the concept. */
  readonly codes: readonly string[];
  readonly studies: number;
  readonly segments: number;
}

/** The translation of a review. */
export interface ReportTranslation {
  /** `themes` when the codebook marks concepts, `codes` when every code is one. */
  readonly conceptSource: 'themes' | 'codes';
  readonly concepts: readonly TranslationConcept[];
  /** Studies by year (then id), each with one cell per concept. */
  readonly rows: ReadonlyArray<{ readonly id: string; readonly path: string; readonly citation: string; readonly cells: readonly TranslationCell[] }>;
  /**
   * Codebook relations in codebook order, then the memos' by memo path. A
   * `relation: line-of-argument` memo relates the first concept its `about:` names to each
   * of the others, as a reciprocal memo does; the Markdown's relations table leaves those
   * out (the memo is printed in the Line of argument section).
   */
  readonly relations: readonly TranslationRelation[];
}

/** A relation between two concepts, with where it is stated and the studies that express both. */
export interface TranslationRelation {
  readonly from: string;
  readonly kind: MemoRelationKind;
  readonly to: string;
  /** The concepts' keys (`TranslationConcept.key`). */
  readonly fromKey: string;
  readonly toKey: string;
  /** The basis a codebook line states after its dash; a memo's title for a memo. */
  readonly basis: string;
  /** Where the relation is stated: a codebook line, or a memo file. */
  readonly source: 'codebook' | 'memo';
  readonly link: string;
  /** `codebook.md:8`, or the memo's review-relative path. */
  readonly location: string;
  /** The review-relative path of the codebook or memo, and the 1-based line of the relation line or the memo's `relation:`. */
  readonly path: string;
  readonly line: number;
  /** Citations of the studies that express both concepts, by year. */
  readonly shared: readonly string[];
}

/**
 * The reciprocal and refutational relations, which translate studies into one another:
 * a `relation: line-of-argument` memo draws its concepts into the synthesis instead (the
 * Line of argument section, eMERGe items 15–16), so it is no pair of the relations table.
 */
export function pairwiseRelations(translation: ReportTranslation): TranslationRelation[] {
  return translation.relations.filter((relation) => relation.kind !== 'line-of-argument');
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
  const cell = (set: ReadonlySet<Segment> | undefined): TranslationCell => {
    const segments = [...(set ?? [])].sort((a, b) => (a.order === b.order ? a.range.start - b.range.start : a.order === 'second' ? -1 : 1));
    const terms = segments.slice(0, TERMS_PER_CELL).map((segment) => ({ text: shorten(segment.text), link: toExcerpt(segment, '', linkBase).link }));
    return { terms, more: segments.length - terms.length, segments };
  };
  const citation = (study: Study): string => evidence.citations.get(study.path) ?? study.id;
  const fromMemos = memoRelations(memos, codebook, concepts);
  const relations = [...conceptRelations(codebook, concepts).relations, ...inMemoOrder(memos, fromMemos.relations, fromMemos.lines.flatMap(lineRelations))];
  const indexOf = new Map(concepts.map((concept, index) => [concept.key, index]));
  const where = (relation: StatedRelation): Pick<TranslationRelation, 'basis' | 'source' | 'link' | 'location' | 'path' | 'line'> => {
    const line = relation.range.startPosition.line + 1;
    if (relation.memo) return { basis: relation.memo.title, source: 'memo', link: fileLink(linkBase, relation.memo.path), location: relation.memo.path, path: relation.memo.path, line };
    return { basis: relation.basis, source: 'codebook', link: `${fileLink(linkBase, codebook.path)}#L${line}`, location: `${codebook.path}:${line}`, path: codebook.path, line };
  };
  return {
    conceptSource: concepts.some((concept) => concept.source === 'theme') ? 'themes' : 'codes',
    concepts: concepts.map((concept, index) => ({
      key: concept.key,
      label: concept.label,
      kind: concept.source,
      ...(concept.path ? { path: concept.path } : {}),
      codes: concept.codes,
      studies: byConcept[index].size,
      segments: [...byConcept[index].values()].reduce((sum, set) => sum + set.size, 0),
    })),
    rows: studies.map((study) => ({ id: study.id, path: study.path, citation: citation(study), cells: byConcept.map((byStudy) => cell(byStudy.get(study.path))) })),
    relations: relations.map((relation) => {
      const [from, to] = [byConcept[indexOf.get(relation.from.key)!], byConcept[indexOf.get(relation.to.key)!]];
      return { from: relation.from.label, kind: relation.kind, to: relation.to.label, fromKey: relation.from.key, toKey: relation.to.key, ...where(relation), shared: studies.filter((study) => from.has(study.path) && to.has(study.path)).map(citation) };
    }),
  };
}

/** A codebook or memo relation, or one pair of a line-of-argument memo. */
type StatedRelation = Omit<ConceptRelation, 'kind'> & { readonly kind: MemoRelationKind };

/** A line-of-argument memo's pairs: its first concept with each of the others (each concept once). */
function lineRelations(line: LineOfArgument): StatedRelation[] {
  const [from, ...others] = line.concepts;
  const seen = new Set([from?.key]);
  return others.filter((to) => !seen.has(to.key) && seen.add(to.key)).map((to) => ({ kind: 'line-of-argument', from, to, basis: '', range: line.range, memo: line.memo }));
}

/** The memos' pairwise and line-of-argument relations together, by memo (the memos' order), each memo's in its own order. */
function inMemoOrder(memos: readonly Memo[], ...lists: ReadonlyArray<readonly StatedRelation[]>): StatedRelation[] {
  const rank = new Map(memos.map((memo, index) => [memo.path, index]));
  // Array.prototype.sort is stable: within a memo the relations keep their order.
  return lists.flat().sort((a, b) => rank.get(a.memo!.path)! - rank.get(b.memo!.path)!);
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
