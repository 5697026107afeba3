/**
 * Inter-coder agreement of coders named as revisions (typically one branch per coder)
 * or folders on disk.
 */
import { agreementOfReviews, type AgreementReport, type AgreementUnitKind } from '../../core';
import { loadCodingSource, releaseLoadedReview } from './reviewAtRevision';

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
