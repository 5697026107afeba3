/** Inter-coder agreement (`qualsynth agreement`). */
export * from './agreementModel';
export { NominalAgreement, krippendorffAlpha, cohensKappa, statisticsOfMatrix, type AgreementStatistics, type NominalValue } from './statistics';
export { codingUnitsOfStudy, readCodingUnits, type CodingUnit, type CharRange } from './codingUnits';
export { computeAgreement, type CoderUnits } from './computeAgreement';
export { agreementOfReviews, type CoderReview } from './agreementOfReviews';
export { renderAgreementMarkdown, type AgreementMarkdownOptions } from './agreementMarkdown';
