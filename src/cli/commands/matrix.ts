/** `qualsynth matrix [dir]`: matrix coding — themes or codes × a study attribute, studies or codes. */
import { codingMatrix, defaultAttribute, filterStudies, hasAttribute, MATRIX_MEASURES, type MatrixColumnSpec, type MatrixMeasure, matrixTable, tableCsv, tableMarkdown } from '../../core';
import { CliError, openReview } from '../openReview';
import { choiceOption, countOption, tableFormat } from './analysisOptions';
import { filterOption, reviewDir, type CliCommand, type Values } from './types';

/** The JSON output's schema version. */
export const MATRIX_SCHEMA_VERSION = 1;

export const matrixCommand: CliCommand = {
  summary: 'Matrix coding: themes or codes × a study attribute, studies or codes.',
  usage: [
    'Usage: qualsynth matrix [dir] [--rows themes|codes] [--level N] [--cols ATTRIBUTE|studies|codes] [--bin N]',
    '                        [--measure studies|segments|participants] [--format md|csv|json] [--filter expr]… [--no-uncategorised]',
    '',
    '  Tabulates the coding of the review in dir (default: .).',
    '  --rows themes|codes  themes (each with its sub-themes\' codes) or codes (default: themes)',
    '  --level N            for themes: the heading depth, 1 for top-level themes (default: 1)',
    '  --cols X             a study attribute (a front-matter key such as perspective, country, design;',
    '                       a list value counts in each of its groups), studies, or codes',
    '                       (default: the first list-valued column of studyColumns, e.g. perspective)',
    '  --bin N              group a numeric attribute in ranges N wide, e.g. --cols year --bin 5',
    '  --measure M          studies: studies with a coded segment (default) · segments: coded segments',
    '                       (passages, with code columns) · participants: the sum of the studies\' participants:',
    '  --format md|csv|json a Markdown table (default), CSV, or JSON (schema version 1)',
    '  --filter expr        only the studies that match, as in `qualsynth report --filter`',
    '  --no-uncategorised   leave out codes that are not in the codebook',
    '',
    '  Totals count each segment and study once, so a list attribute\'s columns may add up to more.',
    '  Exit codes: 0 table printed, 2 bad option, unknown attribute or no review.',
  ].join('\n'),
  options: {
    rows: { type: 'string' },
    level: { type: 'string' },
    cols: { type: 'string' },
    bin: { type: 'string' },
    measure: { type: 'string' },
    format: { type: 'string', short: 'f' },
    filter: { type: 'string', multiple: true },
    'no-uncategorised': { type: 'boolean' },
  },
  async run(values, positionals, out) {
    const format = tableFormat(values, 'matrix');
    const rows = choiceOption(values, 'rows', ['themes', 'codes'] as const, 'themes', 'matrix');
    const measure = choiceOption<MatrixMeasure>(values, 'measure', MATRIX_MEASURES, 'studies', 'matrix');
    const level = countOption(values, 'level', 1, 'matrix') ?? 1;
    const binWidth = countOption(values, 'bin', 1, 'matrix');
    const filter = filterOption(values, 'matrix');
    const { review } = await openReview(reviewDir(positionals));
    const studies = filterStudies(review.index.studies(), filter);
    const columns = columnSpec(values, studies, review.config.studyColumns, binWidth);
    if (rows === 'themes' && !review.index.allThemes().some((theme) => theme.path.length === level)) {
      throw new CliError(`qualsynth matrix: the codebook has no themes at level ${level} (headings of depth ${level}); use --rows codes, or a smaller --level.`);
    }
    const matrix = codingMatrix(review.index, { rows, level, columns, measure, filter, includeUncategorised: !values['no-uncategorised'] });
    if (format === 'json') out.write(`${JSON.stringify({ version: MATRIX_SCHEMA_VERSION, ...matrix }, null, 2)}\n`);
    else if (format === 'csv') out.write(tableCsv(matrixTable(matrix)));
    else out.write(`${tableMarkdown(matrixTable(matrix))}${matrixNote(matrix.studies, matrix.studiesInReview, matrix.withoutParticipants)}`);
    return 0;
  },
};

function columnSpec(values: Values, studies: Parameters<typeof hasAttribute>[0], studyColumns: readonly string[], binWidth: number | undefined): MatrixColumnSpec {
  const cols = typeof values.cols === 'string' ? values.cols.trim() : defaultAttribute(studies, studyColumns);
  if (cols === 'studies' || cols === 'codes') {
    if (binWidth !== undefined) throw new CliError(`qualsynth matrix: --bin groups the values of an attribute; it does not apply to --cols ${cols}.`);
    return { kind: cols };
  }
  if (!cols) throw new CliError('qualsynth matrix: the studies have none of the studyColumns attributes to group by: name one with --cols ATTRIBUTE, or use --cols studies or codes.');
  if (!hasAttribute(studies, cols)) throw new CliError(`qualsynth matrix: no study has the attribute \`${cols}\` (front matter \`${cols}: …\`); use one the studies give, or --cols studies or codes.`);
  return { kind: 'attribute', attribute: cols, ...(binWidth !== undefined ? { binWidth } : {}) };
}

/** The line under a Markdown table: how many studies, and those without participant numbers. */
export function matrixNote(studies: number, inReview: number, withoutParticipants: number): string {
  const kept = studies === inReview ? `${studies} studies` : `${studies} of ${inReview} studies (filtered)`;
  const missing = withoutParticipants > 0 ? ` ${withoutParticipants} give no participant number and add none.` : '';
  return `\n${kept}; totals count each segment and study once.${missing}\n`;
}
