/** `qualsynth check [dir]`: problems in compiler format; exit 1 on errors. */
import { formatProblem } from '../../core';
import { openReview } from '../openReview';
import { reviewDir, type CliCommand } from './types';

export const checkCommand: CliCommand = {
  summary: 'Report problems as path:line:column: severity: message; exit 1 on any error.',
  usage: 'Usage: qualsynth check [dir] [--strict] [--quiet]\n\n  Prints every problem of the review in dir (default: .).\n  --strict  exit 1 on warnings too\n  --quiet   print errors and warnings only (no notes)\n\n  Exit codes: 0 no errors, 1 errors found, 2 the review could not be read.',
  options: { strict: { type: 'boolean' }, quiet: { type: 'boolean' } },
  async run(values, positionals, out) {
    const { review } = await openReview(reviewDir(positionals));
    const problems = review.index.problems().filter((problem) => !(values.quiet && problem.severity === 'info'));
    // One write, not one per problem: a large review has thousands (5,426 on the benchmark's).
    out.write(problems.map((problem) => `${formatProblem(problem)}\n`).join(''));
    const errors = problems.filter((problem) => problem.severity === 'error').length;
    const warnings = problems.filter((problem) => problem.severity === 'warning').length;
    out.write(`${review.index.studies().length} studies checked: ${errors} errors, ${warnings} warnings.\n`);
    return errors > 0 || (values.strict && warnings > 0) ? 1 : 0;
  },
};
