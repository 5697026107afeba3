/**
 * REFI-QDA interoperability (`.qdc` codebooks, `.qdpx` projects): the functions the CLI
 * and the VS Code commands call. Export reads a loaded `Review`; import is pure (bytes
 * in, files out); `src/node/refi/reviewFolder.ts` puts them on disk.
 */
export { exportCodebookQdc, buildExportCodebook, type ExportCodebook } from './exportCodebook';
export { exportProjectQdpx, type QdpxExport, type QdpxExportOptions } from './exportProject';
export { importQdpx, type ImportOptions, type ImportResult, type ImportedFile } from './importProject';
export { studyPlainText, type StudyPlainText } from './plainText';
export { CodePointIndex } from './codePoints';
export { stableGuid, GuidRegistry } from './guid';
export { readZipSafely, DEFAULT_ZIP_LIMITS, UnsafeArchiveError, type SafeZip, type ZipLimits } from './zipRead';
export { parseXmlSafely, XmlReadError } from './xml';
