/**
 * The report's tables as data: included studies, CASP answers, the study × theme and
 * study × code matrices and the segment list.
 */
import type { AttributeValue, Theme } from '../model';
import { caspSymbol, type CaspQuestion } from './casp';
import type { Evidence } from './evidence';
import type { ThemeCoverage } from './reportThemes';

/** A row of the included-studies table. */
export interface ReportStudy {
  readonly id: string;
  readonly path: string;
  /** "Author Year". */
  readonly citation: string;
  /** Text of each configured column. */
  readonly cells: readonly string[];
}

/** A 0/1 (or count) matrix with one row per study. */
export interface StudyMatrix<T> {
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<{ readonly id: string; readonly citation: string; readonly cells: readonly T[] }>;
}

/** One row of `segments.csv`: a segment under one of its codes. */
export interface SegmentRow {
  readonly study: string;
  readonly citation: string;
  readonly code: string;
  /** The code's theme paths, each joined with ` › `. */
  readonly themes: readonly string[];
  readonly order: 'first' | 'second';
  readonly file: string;
  /** 1-based line where the passage starts. */
  readonly line: number;
  readonly text: string;
  /** The span's `coder=` and `memo=` attributes, `''` when absent. */
  readonly coder: string;
  readonly memo: string;
}

/**
 * Rows of the included-studies table; `citation` shows the full reference: formatted in
 * the citation style when given (`references`, by study path), else the front matter's.
 */
export function studyRows(evidence: Evidence, columns: readonly string[], references?: ReadonlyMap<string, string>): ReportStudy[] {
  return evidence.studies.map((study) => {
    const citation = evidence.citations.get(study.path)!;
    const full = references?.get(study.path) ?? study.citation ?? citation;
    const cell = (column: string): string => (column === 'citation' ? full : column === 'id' ? study.id : cellText(study.attributes[column]));
    return { id: study.id, path: study.path, citation, cells: columns.map(cell) };
  });
}

/** ✓/✗/? per question for the studies that have CASP answers. */
export function appraisalMatrix(evidence: Evidence, questions: readonly CaspQuestion[]): StudyMatrix<string> {
  return {
    columns: questions.map((question) => question.label),
    rows: evidence.studies.filter((study) => study.casp !== undefined).map((study) => ({ id: study.id, citation: evidence.citations.get(study.path)!, cells: questions.map((question) => caspSymbol(study.casp?.[question.key])) })),
  };
}

/** Which studies contribute to each top-level theme. */
export function themeMatrix(evidence: Evidence, themes: readonly Theme[], coverage: ThemeCoverage): StudyMatrix<boolean> {
  const sets = themes.map((theme) => new Set(coverage.get(theme)!.studies));
  return {
    columns: themes.map((theme) => theme.title),
    rows: evidence.studies.map((study) => ({ id: study.id, citation: evidence.citations.get(study.path)!, cells: sets.map((set) => set.has(study.path)) })),
  };
}

/** Segments per study and code, for `study-code.csv`. */
export function codeMatrix(evidence: Evidence, codes: readonly string[]): StudyMatrix<number> {
  return {
    columns: codes,
    rows: evidence.studies.map((study) => ({ id: study.id, citation: evidence.citations.get(study.path)!, cells: codes.map((code) => evidence.segmentsByCode.get(code)?.get(study.path)?.length ?? 0) })),
  };
}

/** Every reported segment under each of its reported codes, in study order. */
export function segmentRows(evidence: Evidence): SegmentRow[] {
  const studies = new Map(evidence.studies.map((study) => [study.path, study]));
  const themesOf = new Map<string, string[]>();
  for (const [code, definitions] of evidence.definitions) themesOf.set(code, definitions.filter((d) => d.themePath.length > 0).map((d) => d.themePath.join(' › ')));
  return evidence.segments.flatMap((segment) => {
    // Text and position are computed when read: once per segment, not once per code.
    const text = segment.text;
    const line = segment.range.startPosition.line + 1;
    return evidence.reportedCodes(segment).map((code) => ({
      study: studies.get(segment.path)?.id ?? segment.path,
      citation: evidence.citations.get(segment.path) ?? segment.path,
      code,
      themes: themesOf.get(code) ?? [],
      order: segment.order,
      file: segment.path,
      line,
      text,
      coder: segment.attributes.coder?.trim() ?? '',
      memo: segment.attributes.memo?.trim() ?? '',
    }));
  });
}

/** A front-matter value as table text: lists joined with `; `. */
export function cellText(value: AttributeValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(cellText).join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
