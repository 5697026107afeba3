/** `qualsynth reconcile <a> <b>`: the disagreement list with stable ids, and the team's choices applied. */
import * as nodePath from 'node:path';
import { type Disagreement, InvalidRevisionError, loadReview, RECONCILE_CHOICES, type ReconcileChoice, ReconcileInputError, reconcileReview, renderDisagreementTable } from '../../core';
import { GitError } from '../../node/git/runGit';
import { NodeReviewHost } from '../../node/nodeHost';
import { loadReconciliation, studyVersions } from '../../node/git/reconcileSources';
import { writeReviewFiles } from '../../node/files/safeWrite';
import { CliError } from '../openReview';
import { outputFormat } from './diff';
import type { CliCommand, Values } from './types';

export const reconcileCommand: CliCommand = {
  summary: 'List two coders\' disagreements with stable ids, or apply the team\'s choices.',
  usage: [
    'Usage: qualsynth reconcile <rev-or-dir-a> <rev-or-dir-b> [--dir <review dir>] [--format md|json]',
    '       qualsynth reconcile <a> <b> --accept <id>=first|second|both|neither [--accept …]',
    '',
    '  Compares two coders (branches or folders, as `agreement` does, block unit) and',
    '  prints each passage they coded differently with a stable id and both coders\'',
    '  codes. With --accept, applies the team\'s choice for those ids to the studies in',
    '  the working tree (the current branch): `first` keeps the first coder\'s codes for',
    '  the passage, `second` the second\'s, `both` all of them, `neither` none of the',
    '  disputed ones. Codes are copied from the coder who applied them; nothing else in',
    '  the files changes.',
    '',
    '  --dir <dir>          the review folder (default: .)',
    '  --format md|json     the list as Markdown (default) or JSON',
    '  --accept <id>=<how>  a choice (repeatable)',
    '',
    '  Exit codes: 0 listed or applied, 2 bad revision, folder, id or choice.',
  ].join('\n'),
  options: { dir: { type: 'string' }, format: { type: 'string' }, accept: { type: 'string', multiple: true } },
  async run(values, positionals, out) {
    if (positionals.length !== 2) throw new CliError(`qualsynth reconcile: name the two coders (branches or folders), got ${positionals.length}.\n\n${reconcileCommand.usage}`);
    const format = outputFormat(values, 'reconcile');
    const dir = typeof values.dir === 'string' ? values.dir : '.';
    const choices = parseChoices(values);
    const reconciliation = await loadReconciliation([positionals[0], positionals[1]], dir).catch((error: unknown) => {
      if (error instanceof InvalidRevisionError || error instanceof GitError) throw new CliError(`qualsynth reconcile: ${(error as Error).message}`);
      throw error;
    });
    const { report } = reconciliation;
    if (choices.size === 0) {
      out.write(format === 'json' ? `${JSON.stringify({ version: 1, coders: report.coders, disagreements: report.disagreements }, null, 2)}\n` : listMarkdown(report.coders, report.disagreements));
      return 0;
    }
    const root = nodePath.resolve(dir);
    const review = await loadReview(new NodeReviewHost(root));
    const current = await studyVersions(review);
    let outcome;
    try {
      outcome = reconcileReview(report, current, reconciliation.coders, choices);
    } catch (error) {
      if (error instanceof ReconcileInputError) throw new CliError(`qualsynth reconcile: ${error.message}`);
      throw error;
    }
    const edited = [...outcome.texts].map(([path, content]) => ({ target: nodePath.join(root, ...path.split('/')), content }));
    await writeReviewFiles(review, root, edited, { inputs: 'replace' });
    out.write(`Applied ${outcome.applied.length} choice${outcome.applied.length === 1 ? '' : 's'}; ${outcome.texts.size} stud${outcome.texts.size === 1 ? 'y' : 'ies'} changed.\n`);
    if (outcome.missing.length > 0) out.write(`Not in the working tree's version (its text differs): ${outcome.missing.join(', ')}.\n`);
    return 0;
  },
};

function parseChoices(values: Values): Map<string, ReconcileChoice> {
  const raw = (values as Record<string, unknown>).accept;
  const list = Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
  const choices = new Map<string, ReconcileChoice>();
  for (const item of list) {
    const [id, choice] = item.split('=');
    if (!id || !RECONCILE_CHOICES.includes(choice as ReconcileChoice)) throw new CliError(`qualsynth reconcile: --accept takes <id>=first|second|both|neither, not \`${item}\`.`);
    choices.set(id, choice as ReconcileChoice);
  }
  return choices;
}

/** The list as Markdown: the agreement report's disagreement table. */
function listMarkdown(coders: readonly string[], list: readonly Disagreement[]): string {
  if (list.length === 0) return 'No disagreements: both coders applied the same codes to every passage they share.\n';
  return `${renderDisagreementTable(coders, list).join('\n')}\n`;
}
