/** `qualsynth cooccurrence [dir]`: which codes are applied together, with the c-coefficient. */
import { cooccurrence, COOCCURRENCE_UNITS, cooccurrenceTable, type CooccurrenceUnit, tableCsv, tableMarkdown, unitNames } from '../../core';
import { openReview } from '../openReview';
import { choiceOption, countOption, tableFormat } from './analysisOptions';
import { filterOption, reviewDir, type CliCommand } from './types';

/** The JSON output's schema version. */
export const COOCCURRENCE_SCHEMA_VERSION = 1;

export const cooccurrenceCommand: CliCommand = {
  summary: 'Code co-occurrence: pairs of codes applied together, counts and c-coefficient.',
  usage: [
    'Usage: qualsynth cooccurrence [dir] [--unit segment|block|study] [--top N] [--format md|csv|json] [--filter expr]… [--no-uncategorised]',
    '',
    '  For each pair of codes applied together in the review in dir (default: .): the number of',
    '  units holding both (n12), each code\'s units (n1, n2), the c-coefficient n12 / (n1 + n2 − n12)',
    '  (0: never together, 1: always together) and the studies involved; most frequent pairs first.',
    '  --unit segment  a coded passage: a segment with the segments nested in it (default)',
    '  --unit block    a paragraph, list item, quote paragraph or table row',
    '  --unit study    a study',
    '  --top N         only the N most frequent pairs',
    '  --format F      a Markdown table (default; at most 10 study ids per pair), CSV, or JSON (schema version 1)',
    '  --filter expr   only the studies that match, as in `qualsynth report --filter`',
    '  --no-uncategorised  leave out codes that are not in the codebook',
    '',
    '  Exit codes: 0 table printed, 2 bad option or no review.',
  ].join('\n'),
  options: {
    unit: { type: 'string' },
    top: { type: 'string' },
    format: { type: 'string', short: 'f' },
    filter: { type: 'string', multiple: true },
    'no-uncategorised': { type: 'boolean' },
  },
  async run(values, positionals, out) {
    const format = tableFormat(values, 'cooccurrence');
    const unit = choiceOption<CooccurrenceUnit>(values, 'unit', COOCCURRENCE_UNITS, 'segment', 'cooccurrence');
    const top = countOption(values, 'top', 1, 'cooccurrence') ?? 0;
    const filter = filterOption(values, 'cooccurrence');
    const { review } = await openReview(reviewDir(positionals));
    const result = cooccurrence(review.index, { unit, filter, includeUncategorised: !values['no-uncategorised'] });
    if (format === 'json') {
      const pairs = (top > 0 ? result.pairs.slice(0, top) : result.pairs).map((pair) => ({ ...pair, studyIds: result.studiesOf(pair.a, pair.b) }));
      out.write(`${JSON.stringify({ version: COOCCURRENCE_SCHEMA_VERSION, unit, units: result.units, studies: result.studies, codes: result.codes, pairs }, null, 2)}\n`);
    } else if (format === 'csv') {
      out.write(tableCsv(cooccurrenceTable(result, { top })));
    } else {
      const shown = top > 0 && top < result.pairs.length ? `the ${top} most frequent of ${result.pairs.length} pairs` : `${result.pairs.length} pairs`;
      const table = result.pairs.length > 0 ? tableMarkdown(cooccurrenceTable(result, { top, allStudies: false })) : '_No two codes are applied together._\n';
      out.write(`${table}\n${unitNames[unit]} with coded text: ${result.units} (${result.studies} studies analysed); ${shown}. c = n12 / (n1 + n2 − n12).\n`);
    }
    return 0;
  },
};
