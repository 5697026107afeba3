/**
 * The revisions a user can compare against: local and remote branches, tags and recent
 * commits of the repository holding a review, for the editor's quick pick.
 */
import { locateReview } from './repository';
import { runGitText } from './runGit';

/** One revision a user can pick. */
export interface RevisionChoice {
  readonly name: string;
  readonly kind: 'branch' | 'remote' | 'tag' | 'commit';
  /** Commit subject and date, for commits; the short id for refs. */
  readonly detail: string;
}

/** Branches, tags and the `limit` most recent commits touching the review. */
export async function listRevisions(reviewDir: string, limit = 20): Promise<RevisionChoice[]> {
  const { top, prefix } = await locateReview(reviewDir);
  const refs = await runGitText(['for-each-ref', '--sort=-committerdate', '--format=%(refname)%00%(objectname:short)', 'refs/heads', 'refs/remotes', 'refs/tags'], top);
  const choices: RevisionChoice[] = [];
  for (const line of refs.split('\n').filter(Boolean)) {
    const [ref, short] = line.split('\0');
    if (ref.endsWith('/HEAD')) continue;
    if (ref.startsWith('refs/heads/')) choices.push({ name: ref.slice(11), kind: 'branch', detail: short });
    else if (ref.startsWith('refs/remotes/')) choices.push({ name: ref.slice(13), kind: 'remote', detail: short });
    else if (ref.startsWith('refs/tags/')) choices.push({ name: ref.slice(10), kind: 'tag', detail: short });
  }
  const log = await runGitText(['log', `-n${limit}`, '--format=%h%x00%s%x00%cs', 'HEAD', '--', prefix || '.'], top).catch(() => '');
  for (const line of log.split('\n').filter(Boolean)) {
    const [hash, subject, date] = line.split('\0');
    choices.push({ name: hash, kind: 'commit', detail: `${date} ${subject}` });
  }
  return choices;
}
