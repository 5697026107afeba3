/**
 * Opens the review folder named on the command line, or explains why it cannot:
 * a missing folder, a file instead of a folder, or a folder that holds no review at
 * all (no studies, no codebook, no project file; exit code 2). A codebook without
 * studies is a review: an a-priori codebook is how a framework synthesis starts.
 */
import { existsSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { CONFIG_FILE, escapeForLog, loadReview, type Review } from '../core';
import { NodeReviewHost } from '../node/nodeHost';

/** A user-facing failure with its exit code. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

/**
 * Loads the review in `dir`; throws `CliError` with a clear message when it cannot.
 * `allowEmpty`: a review without studies yet is fine (a command that adds them).
 */
export async function openReview(dir: string, { allowEmpty = false } = {}): Promise<{ review: Review; host: NodeReviewHost }> {
  const root = nodePath.resolve(dir);
  let isDirectory = false;
  try {
    isDirectory = statSync(root).isDirectory();
  } catch {
    throw new CliError(`qualsynth: no such folder: ${dir}. Pass the folder that holds codebook.md and studies/.`);
  }
  if (!isDirectory) throw new CliError(`qualsynth: ${dir} is a file; pass the review folder that holds codebook.md and studies/.`);
  // Synchronous reads: nothing else runs in the CLI's process (see src/node/files/fileOps.ts).
  const host = new NodeReviewHost(root, { syncReads: true });
  const review = await loadReview(host);
  const isReview = existsSync(host.absolute(review.config.codebook)) || existsSync(host.absolute(CONFIG_FILE));
  if (review.index.studies().length === 0 && !isReview && !allowEmpty) {
    const unreadable = review.index.problems().filter((problem) => problem.kind === 'unreadable-file');
    const detail = unreadable.length > 0 ? ` ${unreadable.length} files could not be read: ${unreadable.map((p) => escapeForLog(p.message)).join(' ')}` : '';
    throw new CliError(`qualsynth: no review in ${dir}: no ${review.config.codebook}, no ${CONFIG_FILE} and no studies (looked for ${review.config.studies}). Start with a codebook.md, or put one Markdown file per study under studies/.${detail}`);
  }
  return { review, host };
}
