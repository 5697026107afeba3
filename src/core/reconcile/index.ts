/** Reconciling two coders' coding from the agreement disagreement list (`qualsynth reconcile`). */
export { reconcileReview, ReconcileInputError, type ReconcileOutcome, type ReviewVersion, type StudyVersion } from './reconcileReview';
export { reconcileStudy, ReconcileError, RECONCILE_CHOICES, type ReconcileChoice, type BlockDecision } from './reconcileStudy';
