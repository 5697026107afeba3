/**
 * The report's analysis across studies, computed by the core analyses with the
 * report's filter: coded segments per study and theme, studies per theme and
 * perspective (or the project's grouping attribute), the most frequent co-occurring
 * code pairs, code frequencies and the thematic map — and the figures that draw them.
 */
import { codingMatrix, cooccurrence, type CodingMatrix } from '../analysis';
import { defaultAttribute } from '../analysis/defaultAttribute';
import type { StudyFilter } from '../filter';
import type { ReviewIndex } from '../reviewIndex';
import { barChartFigure } from './barChartFigure';
import type { Evidence } from './evidence';
import type { ReportFigure } from './figures';
import { heatMapFigure } from './heatMapFigure';
import type { ReportTheme } from './reportThemes';
import type { StudyMatrix } from './reportTables';
import { thematicMapFigure, type MapNode } from './thematicMap';

/** The most frequent pairs the report lists. */
export const REPORTED_PAIRS = 10;
/** The most frequent codes the frequency figure draws. */
export const CHARTED_CODES = 25;

/** A co-occurring pair as the report lists it. */
export interface ReportPair {
  readonly a: string;
  readonly b: string;
  /** Coded passages holding both. */
  readonly count: number;
  readonly coefficient: number;
  /** Citations of the studies involved. */
  readonly studies: readonly string[];
}

/** The analysis section's data. */
export interface ReportAnalysis {
  /** Coded segments per study (citation order) and top-level theme. */
  readonly studyThemes: StudyMatrix<number>;
  /** Top-level themes × the grouping attribute, counting studies; absent when no study has one. */
  readonly byAttribute?: { readonly attribute: string; readonly matrix: CodingMatrix };
  /** Coded passages with reported codes, and the pairs most often applied together in one. */
  readonly passages: number;
  readonly pairs: readonly ReportPair[];
  /** Every reported code's segments and studies, most segments first. */
  readonly frequencies: ReadonlyArray<{ readonly code: string; readonly segments: number; readonly studies: number }>;
  readonly map: readonly MapNode[];
}

/** What the analysis is built from. */
export interface AnalysisSource {
  readonly index: ReviewIndex;
  readonly evidence: Evidence;
  readonly filter: StudyFilter;
  readonly includeUncategorised: boolean;
  readonly studyColumns: readonly string[];
  /** `analysis.attribute` of the project file, when set. */
  readonly attribute?: string;
  readonly themes: readonly ReportTheme[];
}

/** Computes the analysis section's data. */
export function reportAnalysis(source: AnalysisSource): ReportAnalysis {
  const { index, evidence, filter, includeUncategorised } = source;
  const options = { filter, includeUncategorised };
  const byStudy = codingMatrix(index, { ...options, rows: 'themes', columns: { kind: 'studies' }, measure: 'segments' });
  const columnOf = new Map(byStudy.columns.map((column, number) => [column.key, number]));
  const studyThemes: StudyMatrix<number> = {
    columns: byStudy.rows.map((row) => row.label),
    rows: evidence.studies.map((study) => ({ id: study.id, citation: evidence.citations.get(study.path)!, cells: byStudy.cells.map((cells) => cells[columnOf.get(study.path)!] ?? 0) })),
  };
  const attribute = defaultAttribute(evidence.studies, source.studyColumns, source.attribute);
  const byAttribute = attribute ? { attribute, matrix: codingMatrix(index, { ...options, rows: 'themes', columns: { kind: 'attribute', attribute }, measure: 'studies' }) } : undefined;
  const together = cooccurrence(index, { ...options, unit: 'segment' });
  const citationOf = new Map(evidence.studies.map((study) => [study.id, evidence.citations.get(study.path)!]));
  const pairs = together.pairs.slice(0, REPORTED_PAIRS).map((pair) => ({ ...pair, studies: together.studiesOf(pair.a, pair.b).map((id) => citationOf.get(id) ?? id) }));
  const frequencies = together.codes.map((code) => ({ code: code.code, segments: segmentsOf(evidence, code.code), studies: code.studies })).sort((x, y) => y.segments - x.segments);
  return { studyThemes, ...(byAttribute && byAttribute.matrix.rows.length > 0 ? { byAttribute } : {}), passages: together.units, pairs, frequencies, map: source.themes.map(mapNode) };
}

function segmentsOf(evidence: Evidence, code: string): number {
  let count = 0;
  for (const list of evidence.segmentsByCode.get(code)?.values() ?? []) count += list.length;
  return count;
}

function mapNode(theme: ReportTheme): MapNode {
  return {
    label: theme.title,
    kind: 'theme',
    segments: theme.segmentCount,
    children: [...theme.children.map(mapNode), ...theme.codes.map((code): MapNode => ({ label: code.name, kind: 'code', segments: code.segmentCount, children: [] }))],
  };
}

/** The section's figures, in the order it places them. */
export function analysisFigures(analysis: ReportAnalysis): ReportFigure[] {
  const figures: ReportFigure[] = [];
  if (analysis.map.length > 0) figures.push(thematicMapFigure(analysis.map));
  const matrix = analysis.studyThemes;
  if (matrix.columns.length > 0 && matrix.rows.length > 0) {
    figures.push(heatMapFigure({ id: 'studies-themes', caption: 'Coded segments by study and theme (darker: more segments).', unit: 'coded segments by study and theme', rows: matrix.rows.map((row) => row.citation), columns: matrix.columns, values: matrix.rows.map((row) => row.cells) }));
  }
  const byAttribute = analysis.byAttribute;
  if (byAttribute) {
    const { attribute, matrix: grouped } = byAttribute;
    figures.push(heatMapFigure({ id: 'themes-by-attribute', caption: `Contributing studies by theme and ${attribute} (darker: more studies).`, unit: `contributing studies by theme and ${attribute}`, rows: grouped.rows.map((row) => row.label), columns: grouped.columns.map((column) => column.label), values: grouped.cells }));
  }
  const charted = analysis.frequencies.filter((code) => code.segments > 0).slice(0, CHARTED_CODES);
  if (charted.length > 0) {
    const caption = analysis.frequencies.length > charted.length ? `The ${charted.length} most frequent codes, by coded segments.` : 'Codes by coded segments.';
    figures.push(barChartFigure('code-frequencies', caption, charted.map((code) => ({ label: `#${code.code}`, value: code.segments, description: `${code.segments} segments in ${code.studies} studies` }))));
  }
  return figures;
}
