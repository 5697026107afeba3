/** Revision names a user typed, checked before they reach git (git itself runs in `src/node/git/`). */
export { assertValidRevision, revisionProblem, InvalidRevisionError } from './revisionName';
