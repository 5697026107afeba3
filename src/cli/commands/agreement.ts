/** `qualsynth agreement <a> <b> [...]`: inter-coder agreement between codings. */
import { agreementOfReviews, type AgreementUnitKind, InvalidRevisionError, renderAgreementMarkdown } from '../../core';
import { loadCodingSource, releaseLoadedReview, type LoadedReview } from '../../node/git/reviewAtRevision';
import { GitError } from '../../node/git/runGit';
import { CliError } from '../openReview';
import { outputFormat } from './diff';
import type { CliCommand, Values } from './types';

export const agreementCommand: CliCommand = {
  summary: 'Inter-coder agreement (percent, Cohen\'s κ, Krippendorff\'s α) between branches or folders.',
  usage: [
    'Usage: qualsynth agreement <rev-or-dir-a> <rev-or-dir-b> [...] [--dir <review dir>] [--unit block|char] [--format md|json]',
    '',
    '  Compares two or more coders\' coding of the same studies. Each coder is a folder',
    '  (a copy of the review) or a git revision, typically one branch per coder.',
    '  Per code and overall: percent agreement, Cohen\'s κ (two coders), Krippendorff\'s α',
    '  (nominal, any number of coders, missing data allowed), with and without the units',
    '  nobody coded; then the disagreements, for a reconciliation meeting.',
    '',
    '  --dir <dir>        the review folder in the repository, for revisions (default: .)',
    '  --unit block|char  unit of analysis: paragraph, list item or quote paragraph (default),',
    '                     or each character of the text with tag syntax removed',
    '  --format md|json   Markdown (default), or JSON (schema version 1)',
    '',
    '  Exit codes: 0 report printed, 2 bad revision or folder, or nothing to compare.',
  ].join('\n'),
  options: { dir: { type: 'string' }, unit: { type: 'string' }, format: { type: 'string' } },
  async run(values, positionals, out) {
    if (positionals.length < 2) throw new CliError(`qualsynth agreement: name at least two codings (branches or folders), got ${positionals.length}.\n\n${agreementCommand.usage}`);
    const format = outputFormat(values, 'agreement');
    const unit = unitKind(values);
    const dir = typeof values.dir === 'string' ? values.dir : '.';
    const sources = await Promise.all(positionals.map((source) => loadSource(source, dir)));
    const report = await agreementOfReviews(sources.map((source) => ({ name: source.label, review: source.review })), unit).finally(() => sources.forEach(releaseLoadedReview));
    if (report.units.total === 0) throw new CliError('qualsynth agreement: the codings have no passages to compare.');
    out.write(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderAgreementMarkdown(report));
    return 0;
  },
};

async function loadSource(source: string, dir: string): Promise<LoadedReview> {
  let loaded: LoadedReview;
  try {
    loaded = await loadCodingSource(source, dir);
  } catch (error) {
    if (error instanceof InvalidRevisionError || error instanceof GitError) {
      throw new CliError(`qualsynth agreement: \`${source}\` is neither a folder nor a usable revision. ${error.message}`);
    }
    throw error;
  }
  if (loaded.review.index.studies().length === 0) {
    throw new CliError(`qualsynth agreement: no studies in \`${source}\` (looked for ${loaded.review.config.studies}${loaded.commit ? ` under ${dir} at that revision; pass the review folder with --dir` : ''}).`);
  }
  return loaded;
}

function unitKind(values: Values): AgreementUnitKind {
  const unit = values.unit ?? 'block';
  if (unit === 'block' || unit === 'char') return unit;
  throw new CliError(`qualsynth agreement: --unit takes block or char, not \`${String(unit)}\`.`);
}
