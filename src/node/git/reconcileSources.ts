/**
 * What reconciliation reads: the two coders' versions of every study (branches or
 * folders, as `agreement` takes them), their block-unit agreement report, and the
 * current version (the working tree) to apply the team's choices to.
 */
import { agreementOfReviews, type AgreementReport, decodeText, type Review, type ReviewVersion, type StudyVersion } from '../../core';
import { loadCodingSource, releaseLoadedReview } from './reviewAtRevision';

/** The coders' versions and the disagreements between them. */
export interface Reconciliation {
  readonly report: AgreementReport;
  readonly coders: readonly [ReviewVersion, ReviewVersion];
}

/** Loads two coders' codings (revisions or folders) and their block-unit disagreements. */
export async function loadReconciliation(sources: readonly [string, string], reviewDir: string, cwd?: string): Promise<Reconciliation> {
  const loaded = await Promise.all(sources.map((source) => loadCodingSource(source, reviewDir, cwd)));
  try {
    const report = await agreementOfReviews(loaded.map((item) => ({ name: item.label, review: item.review })), 'block');
    const [first, second] = await Promise.all(loaded.map((item) => studyVersions(item.review)));
    return { report, coders: [first, second] };
  } finally {
    loaded.forEach(releaseLoadedReview);
  }
}

/** Every study text of a loaded review, by study id (unreadable files left out). */
export async function studyVersions(review: Review): Promise<ReviewVersion> {
  const versions = new Map<string, StudyVersion>();
  await Promise.all(
    review.index.studies().map(async (study) => {
      const bytes = await review.host.readFile(study.path);
      const decoded = bytes && decodeText(bytes);
      if (decoded?.ok) versions.set(study.id, { path: study.path, text: decoded.text });
    }),
  );
  return versions;
}
