/**
 * Loads a review as it is in the working tree or as it was at a git revision, or from
 * another folder: the coding sources that `diff` and `agreement` compare.
 */
import { statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { loadReview, type Review, type ReviewHost } from '../../core';
import { NodeReviewHost } from '../nodeHost';
import { GitRevisionHost } from './gitRevisionHost';

/** A loaded review and where it came from. */
export interface LoadedReview {
  readonly review: Review;
  readonly host: ReviewHost;
  /** What to call it in output: the revision name, `working tree`, or the folder. */
  readonly label: string;
  /** The full commit id, for a review read from a revision. */
  readonly commit?: string;
}

/** The label of the working tree in diff output. */
export const WORKING_TREE = 'working tree';

/**
 * The review in `reviewDir` at `revision` (a branch, tag, commit, `HEAD~1` …), or in the
 * working tree when `revision` is undefined. Throws `InvalidRevisionError` or `GitError`.
 */
export async function loadReviewAtRevision(reviewDir: string, revision?: string): Promise<LoadedReview> {
  if (revision === undefined) {
    const host = new NodeReviewHost(reviewDir);
    return { review: await loadReview(host), host, label: WORKING_TREE };
  }
  const host = await GitRevisionHost.open(reviewDir, revision);
  try {
    return { review: await loadReview(host), host, label: revision, commit: host.commit };
  } finally {
    host.dispose();
  }
}

/**
 * A coding source named on a command line: an existing folder is read as a review
 * folder; anything else is a revision of the repository holding `reviewDir`.
 */
export async function loadCodingSource(source: string, reviewDir: string, cwd = process.cwd()): Promise<LoadedReview> {
  const folder = nodePath.resolve(cwd, source);
  if (isFolder(folder)) {
    const host = new NodeReviewHost(folder);
    return { review: await loadReview(host), host, label: source };
  }
  return loadReviewAtRevision(nodePath.resolve(cwd, reviewDir), source);
}

/** Ends any git process still serving a loaded review (it would end by itself when idle). */
export function releaseLoadedReview(loaded: LoadedReview): void {
  if (loaded.host instanceof GitRevisionHost) loaded.host.dispose();
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
