/**
 * Matrix coding: rows (themes or codes) × columns (a study attribute's values, studies,
 * or codes), each cell one measure of the coding at their intersection:
 *
 * - `segments` — coded segments carrying a row code, in the column's studies (a segment
 *   with several codes of one theme counts once); with code columns, coded passages
 *   (`units.ts`, the `segment` unit) holding a row code and the column code.
 * - `studies` — studies with at least one such segment (or passage).
 * - `participants` — the sum of those studies' `participants` attribute (its leading
 *   whole number); studies that give none add nothing and are counted in
 *   `withoutParticipants`.
 *
 * A study in several groups of a list attribute counts in each, so columns may add up
 * to more than the row total, which counts each segment and study once.
 */
import type { Segment, Study } from '../model';
import type { ReviewIndex } from '../reviewIndex';
import { attributeColumns, matrixRows, studyColumns, type MatrixColumn, type MatrixColumnSpec, type MatrixRow, type MatrixRowKind } from './matrixAxes';
import { analysisScope, type AnalysisOptions, type AnalysisScope } from './scope';
import { codeNumbers, UnitNumbers } from './unitNumbers';
import { unitsOfStudy } from './units';

export type { MatrixColumn, MatrixColumnSpec, MatrixRow, MatrixRowKind } from './matrixAxes';

/** What each cell counts. */
export type MatrixMeasure = 'studies' | 'segments' | 'participants';

/** Every measure, in the order the CLI lists them. */
export const MATRIX_MEASURES: readonly MatrixMeasure[] = ['studies', 'segments', 'participants'];

/** The attribute the `participants` measure reads. */
export const PARTICIPANTS_ATTRIBUTE = 'participants';

/** What to tabulate. */
export interface MatrixSpec extends AnalysisOptions {
  readonly rows: MatrixRowKind;
  /** For theme rows: the depth of the themes, 1 for top-level themes (default). */
  readonly level?: number;
  readonly columns: MatrixColumnSpec;
  readonly measure: MatrixMeasure;
}

/** A computed matrix. */
export interface CodingMatrix {
  readonly spec: MatrixSpec;
  readonly rows: readonly MatrixRow[];
  readonly columns: readonly MatrixColumn[];
  /** `cells[row][column]`. */
  readonly cells: ReadonlyArray<readonly number[]>;
  /** Each row over all columns, each segment and study counted once. */
  readonly rowTotals: readonly number[];
  /** Each column over all rows, each segment and study counted once. */
  readonly columnTotals: readonly number[];
  /** The whole matrix, each segment and study counted once. */
  readonly total: number;
  /** Studies analysed (those the filter keeps) and in the review. */
  readonly studies: number;
  readonly studiesInReview: number;
  /** Analysed studies with no participant number (only counted for the `participants` measure). */
  readonly withoutParticipants: number;
}

/** Tallies of one measure's three kinds of count, for a grid of rows × columns plus totals. */
class Tally {
  readonly segments: Int32Array;
  readonly studies: Int32Array;
  readonly participants: Float64Array;
  private readonly lastStudy: Int32Array;

  constructor(size: number) {
    this.segments = new Int32Array(size);
    this.studies = new Int32Array(size);
    this.participants = new Float64Array(size);
    this.lastStudy = new Int32Array(size).fill(-1);
  }

  /** Counts one segment (or passage) of study `study` in cell `cell`. */
  add(cell: number, study: number, participants: number): void {
    this.segments[cell]++;
    if (this.lastStudy[cell] === study) return;
    this.lastStudy[cell] = study;
    this.studies[cell]++;
    this.participants[cell] += participants;
  }

  value(measure: MatrixMeasure, cell: number): number {
    return measure === 'segments' ? this.segments[cell] : measure === 'studies' ? this.studies[cell] : this.participants[cell];
  }
}

/** Computes a matrix in one pass over the analysed studies' segments. */
export function codingMatrix(index: ReviewIndex, spec: MatrixSpec): CodingMatrix {
  const scope = analysisScope(index, spec);
  const rows = matrixRows(index, scope, spec.rows, spec.level);
  const axis = columnAxis(scope, spec.columns);
  const width = axis.columns.length;
  const rowsOfCode = rowNumbersByCode(rows);
  const cells = new Tally(rows.length * width);
  const rowTally = new Tally(rows.length);
  const columnTally = new Tally(width);
  const grand = new Tally(1);
  const rowNumbers = new UnitNumbers(rowsOfCode, rows.length);
  let withoutParticipants = 0;
  scope.studies.forEach((study, number) => {
    const participants = participantCount(study);
    if (participants === undefined) withoutParticipants++;
    const people = participants ?? 0;
    axis.forEachUnit(study, number, (segments, columns) => {
      const present = rowNumbers.ofUnit(segments);
      if (present.length === 0) return;
      grand.add(0, number, people);
      for (const row of present) {
        rowTally.add(row, number, people);
        for (const column of columns) cells.add(row * width + column, number, people);
      }
      for (const column of columns) columnTally.add(column, number, people);
    });
  });
  const { measure } = spec;
  return {
    spec,
    rows,
    columns: axis.columns,
    cells: rows.map((_, row) => axis.columns.map((__, column) => cells.value(measure, row * width + column))),
    rowTotals: rows.map((_, row) => rowTally.value(measure, row)),
    columnTotals: axis.columns.map((_, column) => columnTally.value(measure, column)),
    total: grand.value(measure, 0),
    studies: scope.studies.length,
    studiesInReview: scope.studiesInReview,
    withoutParticipants: measure === 'participants' ? withoutParticipants : 0,
  };
}

/** Called for each unit of counting: its segments and the (distinct) columns it counts in. */
type UnitVisitor = (segments: readonly Segment[], columns: readonly number[]) => void;

interface ColumnAxis {
  readonly columns: MatrixColumn[];
  forEachUnit(study: Study, number: number, visit: UnitVisitor): void;
}

/** Study columns count each segment in the study's columns; code columns count passages in the columns of their codes. */
function columnAxis(scope: AnalysisScope, spec: MatrixColumnSpec): ColumnAxis {
  if (spec.kind === 'codes') {
    const numbers = codeNumbers(scope.codeIndex);
    return {
      columns: scope.codes.map((code) => ({ key: code, label: code })),
      forEachUnit(study, _number, visit) {
        for (const segments of unitsOfStudy(study, 'segment')) visit(segments, numbers.ofUnit(segments));
      },
    };
  }
  const { columns, ofStudy } = spec.kind === 'studies' ? studyColumns(scope.studies) : attributeColumns(scope.studies, spec.attribute, spec.binWidth);
  return {
    columns,
    forEachUnit(study, number, visit) {
      const studyColumns = ofStudy[number];
      for (const segment of study.segments) visit([segment], studyColumns);
    },
  };
}

function rowNumbersByCode(rows: readonly MatrixRow[]): Map<string, number[]> {
  const byCode = new Map<string, number[]>();
  rows.forEach((row, number) => {
    for (const code of row.codes) {
      const list = byCode.get(code);
      if (list) list.push(number);
      else byCode.set(code, [number]);
    }
  });
  return byCode;
}

/** A study's participant number: the `participants` attribute's leading whole number, if any. */
export function participantCount(study: Study): number | undefined {
  const value = study.attributes[PARTICIPANTS_ATTRIBUTE];
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+)/.exec(value);
  return match ? Number(match[1]) : undefined;
}

/**
 * The segments behind one cell (by row and column number), for the Show All Segments
 * document: the row's segments in the column's studies, or, with code columns, the
 * segments of passages holding a row code and the column code that carry either.
 */
export function matrixCellSegments(index: ReviewIndex, spec: MatrixSpec, row: number, column: number): Segment[] {
  const scope = analysisScope(index, spec);
  const rowCodes = new Set(matrixRows(index, scope, spec.rows, spec.level)[row]?.codes ?? []);
  const columnCode = spec.columns.kind === 'codes' ? scope.codes[column] : undefined;
  const axis = columnAxis(scope, spec.columns);
  const out: Segment[] = [];
  scope.studies.forEach((study, number) => {
    axis.forEachUnit(study, number, (segments, columns) => {
      if (!columns.includes(column) || !segments.some((segment) => segment.codes.some((code) => rowCodes.has(code)))) return;
      for (const segment of segments) if (segment.codes.some((code) => rowCodes.has(code) || code === columnCode)) out.push(segment);
    });
  });
  return out;
}
