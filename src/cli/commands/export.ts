/** `qualsynth export [dir] --format qdc|qdpx [--out file]`: REFI-QDA export. */
import * as nodePath from 'node:path';
import { escapeForLog, exportCodebookQdc, exportProjectQdpx } from '../../core';
import { writeReviewFiles } from '../../node/files/safeWrite';
import { CliError, openReview } from '../openReview';
import { reviewDir, type CliCommand } from './types';

const DEFAULT_FILE = { qdc: 'codebook.qdc', qdpx: 'review.qdpx' } as const;

export const exportCommand: CliCommand = {
  summary: 'Export the codebook (.qdc) or the whole review (.qdpx) as REFI-QDA.',
  usage: 'Usage: qualsynth export [dir] [--format qdc|qdpx] [--out file]\n\n  Exports the review in dir (default: .) for NVivo, ATLAS.ti, MAXQDA, QualCoder…\n  --format qdc   the codebook: themes as parent codes, codes with definitions\n  --format qdpx  the whole review: codebook, studies as text sources, coded passages,\n                 attributes as variables, memos as notes (default)\n  --out file     where to write it (default: <dir>/<reportDir>/codebook.qdc or review.qdpx)\n\n  The same review always exports to the same bytes (stable GUIDs, fixed timestamps).',
  options: { format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' } },
  async run(values, positionals, out) {
    const format = (values.format ?? 'qdpx') as string;
    if (format !== 'qdc' && format !== 'qdpx') throw new CliError(`qualsynth export: --format is qdc (codebook) or qdpx (whole review), not \`${format}\`.`);
    const { review, host } = await openReview(reviewDir(positionals));
    const outFile = typeof values.out === 'string' ? nodePath.resolve(values.out) : host.absolute(`${review.config.reportDir}/${DEFAULT_FILE[format]}`);
    const shown = escapeForLog(nodePath.relative(process.cwd(), outFile) || outFile);
    if (format === 'qdc') {
      if (review.index.codes().length === 0) throw new CliError('qualsynth export: the review has no codes, so there is no codebook to export. Define codes in codebook.md.');
      await writeReviewFiles(review, host.root, [{ target: outFile, content: exportCodebookQdc(review.index) }]);
      out.write(`Codebook: ${review.index.allThemes().length} themes, ${review.index.codes().length} codes\nWritten:  ${shown}\n`);
      return 0;
    }
    const result = await exportProjectQdpx(review);
    await writeReviewFiles(review, host.root, [{ target: outFile, content: result.data }]);
    for (const warning of result.warnings) out.write(`warning: ${warning}\n`);
    out.write(`Studies:    ${result.studyCount}\nCodes:      ${review.index.codes().length}\nSelections: ${result.selectionCount}\nWritten:    ${shown}\n`);
    return 0;
  },
};
