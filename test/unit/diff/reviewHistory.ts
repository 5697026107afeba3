/**
 * A review in a sub-folder of a temporary repository with two commits (tags v1, v2)
 * between which studies are added, deleted and renamed, codes and themes renamed,
 * moved, added, removed and redefined, and lines shift above unchanged coding.
 */
import { TempRepo } from '../git/tempRepo';

export const REVIEW = 'reviews/peer';

const CODEBOOK_V1 = `---
title: Test codebook
---
# Workers

## Prejudice

- #staff-prejudice: Staff doubt peer workers.
- #tokenism: Roles without influence.

## Pay

- #low-pay: Pay below colleagues.
- #unused-code: Never applied.

# Recipients

## Networks

- #social-network: Wider contacts.
`;

const CODEBOOK_V2 = `---
title: Test codebook
---
# Workers

## Prejudice

- #staff-stigma: Staff doubt peer workers.

## Pay

- #low-pay: Pay below that of colleagues doing similar work.
- #tokenism: Roles without influence.

# Recipients

## Social networks

- #social-network: Wider contacts.

## Wellness

- #wellness: Feeling better.
`;

const ALPHA_V1 = `---
id: alpha
citation: "Alpha A. Study one. 2001."
---
## Findings

Peer workers described [being excluded from meetings]{#staff-prejudice} and [low wages]{#low-pay}.

> "They see me as a client." (peer worker)
> #staff-prejudice
`;

const ALPHA_V2 = `---
id: alpha
citation: "Alpha A. Study one. 2001."
---
## Background

A new paragraph that shifts every line below it.

## Findings

Peer workers described [being excluded from meetings]{#staff-stigma} and [low wages]{#low-pay}.

> "They see me as a client." (peer worker)
> #staff-stigma
`;

const BETA_V1 = `Recipients gained [wider social contacts]{#social-network}.

Posts were created [to satisfy policy]{#tokenism}.
`;

const BETA_V2 = `Recipients gained [wider social contacts]{#social-network #wellness}.

Posts were created [to satisfy policy]{#tokenism}.
`;

/** Creates the repository; the working tree is left at v2. */
export function makeReviewHistory(): TempRepo {
  const repo = new TempRepo();
  repo.write({
    'README.md': 'A repository with a review in a sub-folder.\n',
    [`${REVIEW}/qualsynth.yaml`]: 'title: Test review\n',
    [`${REVIEW}/codebook.md`]: CODEBOOK_V1,
    [`${REVIEW}/studies/alpha.md`]: ALPHA_V1,
    [`${REVIEW}/studies/beta.md`]: BETA_V1,
    [`${REVIEW}/studies/gamma.md`]: 'Gamma found that [pay was low]{#low-pay}.\n',
  });
  repo.commit('v1');
  repo.git('tag', 'v1');
  repo.rename(`${REVIEW}/studies/beta.md`, `${REVIEW}/studies/beta-2003.md`);
  repo.remove(`${REVIEW}/studies/gamma.md`);
  repo.write({
    [`${REVIEW}/codebook.md`]: CODEBOOK_V2,
    [`${REVIEW}/studies/alpha.md`]: ALPHA_V2,
    [`${REVIEW}/studies/beta-2003.md`]: BETA_V2,
    [`${REVIEW}/studies/delta.md`]: 'Recipients [felt better]{#wellness}.\n',
  });
  repo.commit('v2');
  repo.git('tag', 'v2');
  return repo;
}
