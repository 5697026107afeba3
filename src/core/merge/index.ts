/** Coding-aware merging of study files and the codebook (`qualsynth merge-driver`). */
export { mergeStudy, MergeCheckError, type StudyMergeOptions } from './mergeStudy';
export { splitStudy, UnsplittableStudyError, type StudyParts, type SpanPart, type BarePart, type BlockTagPart } from './studyParts';
export { renderStudy, type RenderSpan, type RenderBare } from './renderStudy';
export { parseMergeOutput, markerSizeFor, resolveChunks, type LineMerge, type MergeChunk } from './lineMerge';
export { withConflictMarkers, type ConflictLabels, type MergedText } from './conflictMarkers';
export { OffsetMap } from './offsetMap';
