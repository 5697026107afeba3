/** `qualsynth diff [rev-a [rev-b]]`: what changed in the coding between two revisions. */
import { diffIndexes, InvalidRevisionError, renderDiffMarkdown } from '../../core';
import { GitError } from '../../node/git/runGit';
import { loadReviewAtRevision, type LoadedReview } from '../../node/git/reviewAtRevision';
import { CliError } from '../openReview';
import type { CliCommand, Values } from './types';

export const diffCommand: CliCommand = {
  summary: 'Show coding changes between two git revisions (default: HEAD vs the working tree).',
  usage: [
    'Usage: qualsynth diff [<rev-a> [<rev-b>]] [--dir <review dir>] [--format md|json]',
    '',
    '  Compares the review at rev-a (default HEAD) with rev-b, or with the working tree when',
    '  rev-b is absent: studies added, removed or renamed; themes and codes added, removed,',
    '  renamed or moved; definitions changed; passages coded and uncoded per code; codes',
    '  gained and lost per study. Passages are matched by study and text, not line.',
    '  A revision is a branch, tag, commit id, or an expression such as HEAD~1 or origin/main.',
    '',
    '  --dir <dir>      the review folder (default: .); may be a sub-folder of the repository',
    '  --format md|json Markdown for a pull-request comment (default), or JSON (schema version 1)',
    '',
    '  Exit codes: 0 diff printed, 2 bad revision, not a git repository, or no review found.',
  ].join('\n'),
  options: { dir: { type: 'string' }, format: { type: 'string' } },
  async run(values, positionals, out) {
    if (positionals.length > 2) throw new CliError(`qualsynth diff: expected at most two revisions, got ${positionals.length}: ${positionals.join(' ')}`);
    const format = outputFormat(values, 'diff');
    const dir = typeof values.dir === 'string' ? values.dir : '.';
    const [from, to] = await Promise.all([loadSide(dir, positionals[0] ?? 'HEAD'), loadSide(dir, positionals[1])]);
    if (isEmptyReview(from) && isEmptyReview(to)) {
      throw new CliError(`qualsynth diff: no review found in ${dir} at ${from.label} or ${to.label} (no studies, no codebook). Pass the review folder with --dir.`);
    }
    const diff = diffIndexes(from.review.index, to.review.index, {
      from: { label: from.label, commit: from.commit },
      to: to.commit ? { label: to.label, commit: to.commit } : { label: to.label },
    });
    out.write(format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : renderDiffMarkdown(diff));
    return 0;
  },
};

async function loadSide(dir: string, revision: string | undefined): Promise<LoadedReview> {
  try {
    return await loadReviewAtRevision(dir, revision);
  } catch (error) {
    if (error instanceof InvalidRevisionError || error instanceof GitError) throw new CliError(`qualsynth diff: ${error.message}`);
    throw error;
  }
}

function isEmptyReview(side: LoadedReview): boolean {
  return side.review.index.studies().length === 0 && side.review.index.codebook.definitions.length === 0;
}

/** The `--format` value, `md` (default) or `json`. */
export function outputFormat(values: Values, command: string): 'md' | 'json' {
  const format = values.format ?? 'md';
  if (format === 'md' || format === 'markdown') return 'md';
  if (format === 'json') return 'json';
  throw new CliError(`qualsynth ${command}: --format takes md or json, not \`${String(format)}\`.`);
}
