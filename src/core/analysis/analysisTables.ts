/**
 * Matrices and co-occurrence as tables of text — what `qualsynth matrix` and
 * `qualsynth cooccurrence` print and what the Analysis panel copies — as records for
 * CSV (csv-stringify) or a GFM table (remark-stringify escapes every cell).
 */
import { stringify } from 'csv-stringify/sync';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { table } from '../report/mdast';
import type { Cooccurrence } from './cooccurrence';
import type { CodingMatrix, MatrixColumn } from './matrix';

/** A table of text: the header row first. */
export type TextTable = ReadonlyArray<readonly string[]>;

/** How a matrix's measure reads in a header: `studies`, `segments` (passages, with code columns), `participants`. */
export function measureName(matrix: CodingMatrix): string {
  return matrix.spec.measure === 'segments' && matrix.spec.columns.kind === 'codes' ? 'passages' : matrix.spec.measure;
}

/** What a matrix's columns are, for its corner cell: the attribute, `study` or `code`. */
export function columnsName(matrix: CodingMatrix): string {
  const columns = matrix.spec.columns;
  return columns.kind === 'attribute' ? columns.attribute : columns.kind === 'studies' ? 'study' : 'code';
}

/** A column's header: a study group with its number of studies, `recipients (n=12)`. */
export function columnLabel(column: MatrixColumn): string {
  return column.studies === undefined ? column.label : `${column.label} (n=${column.studies})`;
}

/** The corner cell of a matrix's table: `Theme \ perspective (studies)`. */
export function matrixCorner(matrix: CodingMatrix): string {
  return `${matrix.spec.rows === 'codes' ? 'Code' : 'Theme'} \\ ${columnsName(matrix)} (${measureName(matrix)})`;
}

/**
 * The matrix with a header (`Theme \ perspective (studies)`, each column with its
 * number of studies), a total column and a total row; totals count each segment and
 * study once, so they may be less than the sum of the cells.
 */
export function matrixTable(matrix: CodingMatrix): TextTable {
  const header = [matrixCorner(matrix), ...matrix.columns.map(columnLabel), 'Total'];
  const body = matrix.rows.map((row, number) => [row.label, ...matrix.cells[number].map(String), String(matrix.rowTotals[number])]);
  return [header, ...body, ['Total', ...matrix.columnTotals.map(String), String(matrix.total)]];
}

/** At most this many study ids are listed per pair in Markdown; CSV and JSON list all. */
export const LISTED_STUDIES = 10;

/** The co-occurring pairs: codes, units with both, the c-coefficient (3 places), the studies. */
export function cooccurrenceTable(result: Cooccurrence, { top = 0, allStudies = true }: { readonly top?: number; readonly allStudies?: boolean } = {}): TextTable {
  const pairs = top > 0 ? result.pairs.slice(0, top) : result.pairs;
  const n = new Map(result.codes.map((code) => [code.code, code.units]));
  const header = ['Code A', 'Code B', `${unitNames[result.unit]} with both`, 'n(A)', 'n(B)', 'c', 'Studies', 'Study ids'];
  return [
    header,
    ...pairs.map((pair) => {
      const ids = result.studiesOf(pair.a, pair.b);
      const listed = allStudies || ids.length <= LISTED_STUDIES ? ids.join('; ') : `${ids.slice(0, LISTED_STUDIES).join('; ')} … and ${ids.length - LISTED_STUDIES} more`;
      return [pair.a, pair.b, String(pair.count), String(n.get(pair.a)), String(n.get(pair.b)), pair.coefficient.toFixed(3), String(pair.studies), listed];
    }),
  ];
}

/** The unit as the tables name it. */
export const unitNames = { segment: 'Passages', block: 'Blocks', study: 'Studies' } as const;

/** RFC 4180 CSV, `\n` record ends. */
export function tableCsv(records: TextTable): string {
  return stringify(records as string[][], { record_delimiter: '\n' });
}

/** A GFM table, cells escaped. */
export function tableMarkdown(records: TextTable): string {
  const tree: Root = { type: 'root', children: [table(records[0], records.slice(1))] };
  return unified().use(remarkGfm, { tablePipeAlign: false }).use(remarkStringify).stringify(tree);
}
