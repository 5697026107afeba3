/** The synthesis report's public API: build, render, and the option and model types. */
export { buildReport, parseFormats, REPORT_FORMATS, MARKDOWN_FILE, HTML_FILE, type BuildReportOptions, type ReportFormat, type ReportOutput } from './buildReport';
export { buildReportModel, DEFAULT_REPORT_OPTIONS, type ReportModel, type ReportOptions, type ReportSource, type ReportCounts } from './reportModel';
export type { Excerpt, ReportCode, ReportTheme, ReportStudy, SegmentRow, StudyMatrix, EntreqItem, ReportFinding, ReportFindings, ReportComponent, ContraryExcerpt, SensitivityRow, SensitivityStatus, SensitivitySummary } from './reportModel';
export { renderMarkdown, reportTree } from './markdownReport';
export { renderHtml, renderHtmlBody } from './htmlReport';
export { renderCsv, csvFiles, CSV_FILES, TRANSLATION_CSV_FILES, type CsvFile, type RenderedCsv } from './csvReport';
export { shortCitation, citationLabels } from './citation';
export { CASP_CHECKLIST, CASP_QUESTIONS } from './casp';
