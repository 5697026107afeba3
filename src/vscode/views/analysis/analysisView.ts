/**
 * What the Analysis panel shows, pure: the panel's choices (matrix rows, columns and
 * measure, or co-occurrence and its unit, and the sort), the heat-map table they
 * give, and the segments behind a cell. The same table is what Copy as CSV / Markdown
 * copies, through the core's table writers.
 */
import { codingMatrix, columnLabel, cooccurrence, cooccurrenceSegments, type CooccurrenceUnit, matrixCellSegments, type MatrixColumnSpec, matrixCorner, type MatrixMeasure, type MatrixSpec, type ReviewIndex, type Segment, type StudyFilter, type TextTable } from '../../../core';

/** The panel's choices. */
export interface AnalysisChoices {
  readonly mode: 'matrix' | 'cooccurrence';
  /** `themes:1`, `themes:2` … or `codes`. */
  readonly rows: string;
  /** `studies`, `codes` or `attribute:<key>`. */
  readonly columns: string;
  readonly measure: MatrixMeasure;
  readonly unit: CooccurrenceUnit;
  /** The column sorted by (-1: the row labels, in their own order), and the direction. */
  readonly sortColumn: number;
  readonly descending: boolean;
}

/** Top-level themes × studies, counting studies, sorted as the codebook is. */
export const DEFAULT_CHOICES: AnalysisChoices = { mode: 'matrix', rows: 'themes:1', columns: 'studies', measure: 'studies', unit: 'segment', sortColumn: -1, descending: false };

/** One cell of the shown table. */
export interface ViewCell {
  readonly value: number;
  /** 0–1: the value's share of the largest cell, for the shading. */
  readonly share: number;
  /** The row and column numbers in the unsorted analysis, which find the cell's segments. */
  readonly row: number;
  readonly column: number;
}

/** The table the panel shows. */
export interface AnalysisView {
  readonly title: string;
  /** The corner cell: what rows and columns are, and what the cells count. */
  readonly corner: string;
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<{ readonly label: string; readonly cells: readonly ViewCell[]; readonly total?: number }>;
  /** Under the table: the studies counted, the filter, what totals mean. */
  readonly note: string;
}

/** The matrix spec the choices describe. */
export function matrixSpec(choices: AnalysisChoices, filter: StudyFilter): MatrixSpec {
  const [rows, level] = choices.rows.split(':');
  const columns: MatrixColumnSpec = choices.columns === 'studies' || choices.columns === 'codes' ? { kind: choices.columns } : { kind: 'attribute', attribute: choices.columns.replace(/^attribute:/, '') };
  return { rows: rows === 'codes' ? 'codes' : 'themes', level: Number(level) || 1, columns, measure: choices.measure, filter };
}

/** The table of the choices for the studies the filter keeps. */
export function analysisView(index: ReviewIndex, choices: AnalysisChoices, filter: StudyFilter): AnalysisView {
  return sortRows(choices.mode === 'cooccurrence' ? cooccurrenceView(index, choices.unit, filter) : matrixView(index, choices, filter), choices);
}

function matrixView(index: ReviewIndex, choices: AnalysisChoices, filter: StudyFilter): AnalysisView {
  const matrix = codingMatrix(index, matrixSpec(choices, filter));
  const max = Math.max(1, ...matrix.cells.flat());
  return {
    title: 'Matrix coding',
    corner: matrixCorner(matrix),
    columns: matrix.columns.map(columnLabel),
    rows: matrix.rows.map((row, r) => ({ label: row.label, total: matrix.rowTotals[r], cells: matrix.cells[r].map((value, c) => ({ value, share: value / max, row: r, column: c })) })),
    note: `${matrix.studies === matrix.studiesInReview ? `${matrix.studies} studies` : `${matrix.studies} of ${matrix.studiesInReview} studies (view filter)`}; totals count each segment and study once.${matrix.withoutParticipants > 0 ? ` ${matrix.withoutParticipants} studies give no participant number.` : ''}`,
  };
}

/** Codes × codes: units holding both (the diagonal: units holding the code). */
function cooccurrenceView(index: ReviewIndex, unit: CooccurrenceUnit, filter: StudyFilter): AnalysisView {
  const result = cooccurrence(index, { unit, filter });
  const codes = result.codes.filter((code) => code.units > 0);
  const position = new Map(result.codes.map((code, number) => [code.code, number]));
  const counts = new Map(result.pairs.map((pair) => [`${pair.a}\u0000${pair.b}`, pair.count]));
  const countOf = (a: string, b: string): number => (a === b ? codes.find((code) => code.code === a)!.units : counts.get(position.get(a)! < position.get(b)! ? `${a}\u0000${b}` : `${b}\u0000${a}`) ?? 0);
  const max = Math.max(1, ...result.pairs.map((pair) => pair.count));
  return {
    title: 'Co-occurrence',
    corner: `Code \\ code (${unit === 'segment' ? 'passages' : unit === 'block' ? 'blocks' : 'studies'} with both)`,
    columns: codes.map((code) => code.code),
    rows: codes.map((a, r) => ({ label: a.code, cells: codes.map((b, c) => ({ value: countOf(a.code, b.code), share: r === c ? 0 : countOf(a.code, b.code) / max, row: position.get(a.code)!, column: position.get(b.code)! })) })),
    note: `${result.units} ${unit === 'segment' ? 'coded passages' : unit === 'block' ? 'blocks with coding' : 'studies with coding'} in ${result.studies} studies; the diagonal counts each code's own.`,
  };
}

function sortRows(view: AnalysisView, choices: AnalysisChoices): AnalysisView {
  if (choices.sortColumn < 0 && !choices.descending) return view;
  const key = (row: AnalysisView['rows'][number]): number | string => (choices.sortColumn < 0 ? row.label : choices.sortColumn >= row.cells.length ? (row.total ?? 0) : row.cells[choices.sortColumn].value);
  const sign = choices.descending ? -1 : 1;
  const rows = [...view.rows].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
  });
  return { ...view, rows };
}

/** The shown table as text, for Copy as CSV / Markdown. */
export function viewTable(view: AnalysisView): TextTable {
  const hasTotals = view.rows.some((row) => row.total !== undefined);
  return [[view.corner, ...view.columns, ...(hasTotals ? ['Total'] : [])], ...view.rows.map((row) => [row.label, ...row.cells.map((cell) => String(cell.value)), ...(hasTotals ? [String(row.total ?? '')] : [])])];
}

/** The segments behind a cell (row and column numbers of the unsorted analysis). */
export function cellSegments(index: ReviewIndex, choices: AnalysisChoices, filter: StudyFilter, row: number, column: number): { title: string; segments: Segment[] } {
  if (choices.mode === 'cooccurrence') {
    const result = cooccurrence(index, { unit: choices.unit, filter });
    const a = result.codes[row]?.code;
    const b = result.codes[column]?.code;
    if (a === undefined || b === undefined) return { title: '', segments: [] };
    // On the diagonal (a = b): the units holding the code, its own segments.
    const segments = cooccurrenceSegments(index, a, b, { unit: choices.unit, filter });
    return { title: a === b ? `#${a}` : `#${a} + #${b}`, segments };
  }
  const spec = matrixSpec(choices, filter);
  const matrix = codingMatrix(index, spec);
  return { title: `${matrix.rows[row]?.label ?? ''} × ${matrix.columns[column]?.label ?? ''}`, segments: matrixCellSegments(index, spec, row, column) };
}
