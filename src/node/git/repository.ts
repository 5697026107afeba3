/**
 * Where a review folder sits in its git repository (the repository's top folder and
 * the review's path inside it), and which commit a revision name means.
 */
import { realpathSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { assertValidRevision, InvalidRevisionError } from '../../core';
import { GitError, runGitText } from './runGit';

/** A review folder located inside a git repository. */
export interface ReviewLocation {
  /** Absolute path of the repository's top folder, as git reports it. */
  readonly top: string;
  /** The review folder relative to `top`, with `/`; `''` when the review is the top. */
  readonly prefix: string;
}

/** Finds the repository that holds `reviewDir` (which may not exist in the working tree). */
export async function locateReview(reviewDir: string): Promise<ReviewLocation> {
  const wanted = nodePath.resolve(reviewDir);
  const existing = nearestExistingFolder(wanted);
  let top: string;
  try {
    top = await runGitText(['rev-parse', '--show-toplevel'], existing);
  } catch (error) {
    if (error instanceof GitError && error.exitCode === null) throw error;
    throw new GitError(`${reviewDir} is not inside a git repository: run \`git init\` there, or compare folders instead of revisions.`, ['rev-parse'], (error as Error).message, null);
  }
  if (!top) throw new GitError(`${reviewDir} is inside a bare git repository or a .git folder; pass a folder of a working tree.`, ['rev-parse'], '', null);
  const real = nodePath.join(realpathSync.native(existing), nodePath.relative(existing, wanted));
  const relative = nodePath.relative(realpathSync.native(top), real);
  if (relative.startsWith('..') || nodePath.isAbsolute(relative)) {
    throw new GitError(`${reviewDir} is outside the repository at ${top}.`, ['rev-parse'], '', null);
  }
  return { top, prefix: relative.split(nodePath.sep).join('/') };
}

/** The full commit id a revision name means; throws `InvalidRevisionError` when none. */
export async function resolveCommit(top: string, revision: string): Promise<string> {
  assertValidRevision(revision);
  try {
    const commit = await runGitText(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], top);
    if (/^[0-9a-f]{40,64}$/.test(commit)) return commit;
  } catch (error) {
    if (error instanceof GitError && error.exitCode === null) throw error;
  }
  throw new InvalidRevisionError(revision, `no commit of that name in the repository at ${top} (list them with \`git branch -a\` and \`git tag\`; run \`git fetch\` first for remote branches)`);
}

/** The deepest folder of `path` (or `path` itself) that exists on disk. */
function nearestExistingFolder(path: string): string {
  for (let folder = path; ; folder = nodePath.dirname(folder)) {
    try {
      if (statSync(folder).isDirectory()) return folder;
    } catch {
      // Not there (yet): try the parent.
    }
    if (nodePath.dirname(folder) === folder) return folder;
  }
}
