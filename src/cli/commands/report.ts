/** `qualsynth report [dir]`: writes the synthesis report. */
import { mkdir, writeFile } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { renderMarkdown } from '../../core/report/markdownReport';
import { buildReportModel, DEFAULT_REPORT_OPTIONS } from '../../core/report/reportModel';
import { CliError, openReview } from '../openReview';
import { reviewDir, type CliCommand } from './types';

export const reportCommand: CliCommand = {
  summary: 'Write the synthesis report (Markdown) of a review.',
  usage: `Usage: qualsynth report [dir] [--out file] [--excerpts N] [--no-uncategorised]\n\n  Writes the synthesis report of the review in dir (default: .).\n  --out file          where to write it (default: <dir>/<reportDir>/synthesis.md)\n  --excerpts N        most excerpts per code, 0 for all (default: ${DEFAULT_REPORT_OPTIONS.excerptLimit})\n  --no-uncategorised  leave out codes that are not in the codebook`,
  options: { out: { type: 'string', short: 'o' }, excerpts: { type: 'string' }, 'no-uncategorised': { type: 'boolean' } },
  async run(values, positionals, out) {
    const dir = reviewDir(positionals);
    const { review, host } = await openReview(dir);
    const outFile = typeof values.out === 'string' ? nodePath.resolve(values.out) : host.absolute(`${review.config.reportDir}/synthesis.md`);
    const excerptLimit = values.excerpts === undefined ? DEFAULT_REPORT_OPTIONS.excerptLimit : Number(values.excerpts);
    if (!Number.isInteger(excerptLimit) || excerptLimit < 0) throw new CliError(`qualsynth report: --excerpts takes a whole number (0 for all), not \`${values.excerpts}\`.`);
    const reportPath = nodePath.relative(host.root, outFile).split(nodePath.sep).join('/');
    const model = buildReportModel(review, { reportPath, excerptLimit, includeUncategorised: !values['no-uncategorised'] });
    await mkdir(nodePath.dirname(outFile), { recursive: true });
    await writeFile(outFile, renderMarkdown(model));
    const summary = review.index.summary();
    out.write(
      [
        `Studies:  ${summary.studies}`,
        `Themes:   ${summary.themes}`,
        `Codes:    ${summary.codes}`,
        `Segments: ${summary.segments}`,
        `Problems: ${summary.problems.error} errors, ${summary.problems.warning} warnings, ${summary.problems.info} notes`,
        `Report:   ${nodePath.relative(process.cwd(), outFile) || outFile}`,
      ].join('\n') + '\n',
    );
    return 0;
  },
};
