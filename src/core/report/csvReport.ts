/**
 * The report's CSV files, for R, pandas and spreadsheets: `study-code.csv` (segments
 * per study and code), `study-theme.csv` (1 when a study contributes to a top-level
 * theme), `segments.csv` (every segment under each of its codes), `memos.csv` (every
 * memo file: what it is about, author, date, text), and the
 * GRADE-CERQual `evidence-profile.csv` and `sensitivity.csv`; for `method:
 * meta-ethnography` also the translation's `translation.csv` and `relations.csv`.
 * RFC 4180 quoting by csv-stringify, `\n` record ends, a header row, no byte-order mark.
 */
import { stringify } from 'csv-stringify/sync';
import { evidenceProfileRecords, sensitivityRecords } from './findingsCsv';
import type { ReportModel, StudyMatrix } from './reportModel';
import { relationRecords, translationRecords } from './translationCsv';

/** The CSV files of every report, in the order they are written. */
export const CSV_FILES = ['study-code.csv', 'study-theme.csv', 'segments.csv', 'memos.csv', 'evidence-profile.csv', 'sensitivity.csv'] as const;

/** The meta-ethnography translation's CSV files, written after those when the model has a translation. */
export const TRANSLATION_CSV_FILES = ['translation.csv', 'relations.csv'] as const;

/** A CSV file name. */
export type CsvFile = (typeof CSV_FILES)[number] | (typeof TRANSLATION_CSV_FILES)[number];

/** The rendered CSV files by name: every report's, and the translation's when there is one. */
export type RenderedCsv = Readonly<Record<(typeof CSV_FILES)[number], string> & Partial<Record<(typeof TRANSLATION_CSV_FILES)[number], string>>>;

/** The CSV files of a report, in the order they are written: every report's, then its method's. */
export function csvFiles(model: ReportModel): CsvFile[] {
  return [...CSV_FILES, ...(model.translation ? TRANSLATION_CSV_FILES : [])];
}

/** Renders the report's CSV files (`csvFiles`) by file name, in that order. */
export function renderCsv(model: ReportModel): RenderedCsv {
  const translation = model.translation;
  return {
    'study-code.csv': matrixCsv(model.codeMatrix, (count) => count),
    'study-theme.csv': matrixCsv(model.themeMatrix, (present) => (present ? 1 : 0)),
    'segments.csv': csv([
      ['study_id', 'citation', 'code', 'themes', 'order', 'file', 'line', 'text', 'coder', 'memo'],
      ...model.segments.map((row) => [row.study, row.citation, row.code, row.themes.join('; '), row.order, row.file, row.line, row.text, row.coder, row.memo]),
    ]),
    'memos.csv': csv([
      ['file', 'title', 'author', 'date', 'codes', 'themes', 'studies', 'review', 'references', 'text'],
      ...model.memoRows.map((row) => [row.file, row.title, row.author, row.date, row.codes.join('; '), row.themes.join('; '), row.studies.join('; '), row.review ? 1 : 0, row.references.join('; '), row.text]),
    ]),
    'evidence-profile.csv': csv(evidenceProfileRecords(model.findings)),
    'sensitivity.csv': csv(sensitivityRecords(model.findings)),
    ...(translation ? { 'translation.csv': csv(translationRecords(translation)), 'relations.csv': csv(relationRecords(translation)) } : {}),
  };
}

function matrixCsv<T>(matrix: StudyMatrix<T>, value: (cell: T) => number): string {
  return csv([['study_id', 'citation', ...matrix.columns], ...matrix.rows.map((row) => [row.id, row.citation, ...row.cells.map(value)])]);
}

function csv(records: Array<Array<string | number>>): string {
  return stringify(records, { record_delimiter: '\n' });
}
