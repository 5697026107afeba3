/**
 * Inter-coder agreement of coders whose codings are loaded reviews (reading them from
 * git revisions or folders is `src/node/git/agreementOfSources.ts`).
 */
import type { Review } from '../review';
import type { AgreementReport, AgreementUnitKind } from './agreementModel';
import { readCodingUnits } from './codingUnits';
import { computeAgreement } from './computeAgreement';

/** One coder's coding of the review. */
export interface CoderReview {
  /** How the coder is named in the output (a branch name, a folder). */
  readonly name: string;
  readonly review: Review;
}

/** Agreement between loaded reviews, one per coder (two or more). */
export async function agreementOfReviews(coders: readonly CoderReview[], unit: AgreementUnitKind = 'block'): Promise<AgreementReport> {
  const names = uniqueNames(coders.map((coder) => coder.name));
  const units = await Promise.all(coders.map((coder) => readCodingUnits(coder.review)));
  return computeAgreement(units.map((list, index) => ({ name: names[index], units: list })), unit);
}

/** Names made unique with ` (2)`, ` (3)` … so each coder has its own column. */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}
