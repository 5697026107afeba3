/**
 * The CLI's commands: each has a one-line summary, its usage text, its options (in
 * `node:util` parseArgs form) and a `run` that returns the exit code.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { formatProblem, toJsonIndex } from '../core/jsonIndex';
import { renderMarkdown } from '../core/report/markdownReport';
import { buildReportModel, DEFAULT_REPORT_OPTIONS } from '../core/report/reportModel';
import { CliError, openReview } from './openReview';

type Values = Record<string, string | boolean | undefined>;

/** One CLI command. */
export interface CliCommand {
  readonly summary: string;
  readonly usage: string;
  readonly options: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  run(values: Values, positionals: string[], out: NodeJS.WritableStream): Promise<number>;
}

function reviewDir(positionals: string[]): string {
  if (positionals.length > 1) throw new CliError(`qualsynth: expected one review folder, got ${positionals.length}: ${positionals.join(' ')}`);
  return positionals[0] ?? '.';
}

const index: CliCommand = {
  summary: 'Index a review; --json prints the JSON index (schema version 1).',
  usage: 'Usage: qualsynth index [dir] [--json]\n\n  Indexes the review in dir (default: .).\n  --json   print the JSON index (see the README for its schema)',
  options: { json: { type: 'boolean' } },
  async run(values, positionals, out) {
    const { review } = await openReview(reviewDir(positionals));
    if (values.json) {
      out.write(`${JSON.stringify(toJsonIndex(review), null, 2)}\n`);
      return 0;
    }
    const summary = review.index.summary();
    out.write(`${summary.studies} studies, ${summary.themes} themes, ${summary.codes} codes, ${summary.segments} segments; problems: ${summary.problems.error} errors, ${summary.problems.warning} warnings, ${summary.problems.info} notes\n`);
    return 0;
  },
};

const check: CliCommand = {
  summary: 'Report problems as path:line:column: severity: message; exit 1 on any error.',
  usage: 'Usage: qualsynth check [dir] [--strict] [--quiet]\n\n  Prints every problem of the review in dir (default: .).\n  --strict  exit 1 on warnings too\n  --quiet   print errors and warnings only (no notes)\n\n  Exit codes: 0 no errors, 1 errors found, 2 the review could not be read.',
  options: { strict: { type: 'boolean' }, quiet: { type: 'boolean' } },
  async run(values, positionals, out) {
    const { review } = await openReview(reviewDir(positionals));
    const problems = review.index.problems().filter((problem) => !(values.quiet && problem.severity === 'info'));
    for (const problem of problems) out.write(`${formatProblem(problem)}\n`);
    const errors = problems.filter((problem) => problem.severity === 'error').length;
    const warnings = problems.filter((problem) => problem.severity === 'warning').length;
    out.write(`${review.index.studies().length} studies checked: ${errors} errors, ${warnings} warnings.\n`);
    return errors > 0 || (values.strict && warnings > 0) ? 1 : 0;
  },
};

const report: CliCommand = {
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

/** Every command by name. */
export const commands: Record<string, CliCommand> = { index, check, report };
