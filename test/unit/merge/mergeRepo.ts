/** A temporary git repository holding a small review, with the QualSynth merge driver set up from the sources. */
import * as nodePath from 'node:path';
import type { DriverProgram } from '../../../src/core/merge/gitSetup';
import { applyGitSetup, planGitSetup } from '../../../src/node/merge/setupGit';
import { TempRepo } from '../git/tempRepo';

/** The CLI from its TypeScript sources (through tsx), as the driver line runs it. */
export const SOURCE_PROGRAM: DriverProgram = {
  argv: [process.execPath, '--require', require.resolve('tsx/cjs')],
  script: nodePath.resolve(__dirname, '../../../src/cli/main.ts'),
};

export const CODEBOOK = `# Experiences of peer support workers
## Discrimination
- #staff-prejudice: Nonpeer staff doubt peer workers' competence.
- #exclusion: Left out of meetings.
## Pay
- #low-pay: Pay below colleagues.
`;

export const STUDY = `---
id: mowbray-2005
year: 2005
---

## Findings

> "They still see me as a client, they talk to me like a client." (peer worker)

Peer workers described being excluded from team meetings and case
discussions and pay well below that of colleagues doing similar work.

Several participants said the role was tokenistic.

> "I was never asked what I thought." (peer worker)

Supervision was irregular and depended on the manager.
`;

/** A repository with the review on `main` and the driver registered. */
export async function reviewRepo(study = STUDY): Promise<TempRepo> {
  const repo = new TempRepo();
  repo.write({ 'codebook.md': CODEBOOK, 'studies/mowbray-2005.md': study });
  await applyGitSetup(await planGitSetup(repo.root, SOURCE_PROGRAM));
  repo.commit('the review, with the merge driver');
  return repo;
}

/** Commits an edit of a file on a new branch from `from`, then goes back to `from`. */
export function branchWith(repo: TempRepo, branch: string, from: string, path: string, edit: (text: string) => string, read: (path: string) => string): void {
  repo.git('checkout', '--quiet', '-b', branch, from);
  repo.write({ [path]: edit(read(path)) });
  repo.commit(`${branch} codes ${path}`);
  repo.git('checkout', '--quiet', from);
}
