/**
 * The coding diff between two revisions of a review in git, or a revision and the
 * working tree (the default: `HEAD` against the files on disk).
 */
import { loadReviewAtRevision } from './reviewAtRevision';
import { type CodingDiff, diffIndexes } from '../../core';

/**
 * Compares the review in `reviewDir` at revision `from` (default `HEAD`) with revision
 * `to`, or with the working tree when `to` is undefined.
 * Throws `InvalidRevisionError` for a bad or unknown revision, `GitError` outside a repository.
 */
export async function diffRevisions(reviewDir: string, from = 'HEAD', to?: string): Promise<CodingDiff> {
  const [before, after] = await Promise.all([loadReviewAtRevision(reviewDir, from), loadReviewAtRevision(reviewDir, to)]);
  return diffIndexes(before.review.index, after.review.index, {
    from: { label: before.label, commit: before.commit },
    to: after.commit ? { label: after.label, commit: after.commit } : { label: after.label },
  });
}
