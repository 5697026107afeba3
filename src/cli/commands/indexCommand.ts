/** `qualsynth index [dir] [--json]`. */
import { toJsonIndex } from '../../core';
import { openReview } from '../openReview';
import { reviewDir, type CliCommand } from './types';

export const indexCommand: CliCommand = {
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
