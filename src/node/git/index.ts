/** Reading a review at a git revision through the system `git`. */
export { GitRevisionHost } from './gitRevisionHost';
export { loadReviewAtRevision, loadCodingSource, releaseLoadedReview, WORKING_TREE, type LoadedReview } from './reviewAtRevision';
export { locateReview, resolveCommit, type ReviewLocation } from './repository';
export { GitError } from './runGit';
export { listRevisions, type RevisionChoice } from './revisions';
export { diffRevisions } from './diffRevisions';
export { agreementOfSources, type AgreementSourceOptions } from './agreementOfSources';
