/** Analysis across studies: matrix coding and code co-occurrence, pure. */
export * from './cooccurrence';
export * from './matrix';
export { NOT_GIVEN } from './matrixAxes';
export { analysisScope, type AnalysisOptions, type AnalysisScope } from './scope';
export { COOCCURRENCE_UNITS, unitsOfStudy, type CooccurrenceUnit } from './units';
export * from './analysisTables';
export { defaultAttribute, hasAttribute } from './defaultAttribute';
