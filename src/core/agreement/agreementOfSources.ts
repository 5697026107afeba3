/**
 * Inter-coder agreement of coders whose codings are loaded reviews, or named as
 * revisions (typically one branch per coder) or folders.
 */
import { loadCodingSource, releaseLoadedReview } from '../../node/git/reviewAtRevision';
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

/** Where to find the coders' codings. */
export interface AgreementSourceOptions {
  /** The review folder in the repository, for sources that are revisions (default `.`). */
  readonly reviewDir?: string;
  readonly unit?: AgreementUnitKind;
  /** Folder that relative sources and `reviewDir` are resolved against (default: the process's). */
  readonly cwd?: string;
}

/**
 * Agreement between coders named by `sources`: each an existing folder (a review
 * folder) or a revision of the repository holding `reviewDir`.
 */
export async function agreementOfSources(sources: readonly string[], options: AgreementSourceOptions = {}): Promise<AgreementReport> {
  const loaded = await Promise.all(sources.map((source) => loadCodingSource(source, options.reviewDir ?? '.', options.cwd)));
  try {
    return await agreementOfReviews(
      loaded.map((item) => ({ name: item.label, review: item.review })),
      options.unit,
    );
  } finally {
    loaded.forEach(releaseLoadedReview);
  }
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
