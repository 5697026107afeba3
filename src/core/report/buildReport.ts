/**
 * The report's entry point for the CLI and the extension: one model, rendered in the
 * requested formats, returned as file contents by name. Writing the files is the
 * caller's job (Node's fs in the CLI, `workspace.fs` in the extension).
 */
import { renderCsv, type RenderedCsv } from './csvReport';
import { figureSvg } from './figures';
import { renderHtml } from './htmlReport';
import { renderMarkdown } from './markdownReport';
import { buildReportModel, type ReportModel, type ReportOptions, type ReportSource } from './reportModel';

/** The output formats. */
export const REPORT_FORMATS = ['md', 'html', 'csv', 'docx'] as const;

/**
 * An output format: `md` (synthesis.md), `html` (synthesis.html), `csv` (the CSV files, `csvFiles`),
 * `docx` (synthesis.docx: rendered by `renderDocx` through the manuscript engines, since
 * it needs a rasteriser and is asynchronous; `buildReport` leaves it to its caller).
 */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** File names of the Markdown, HTML and Word reports. */
export const MARKDOWN_FILE = 'synthesis.md';
export const HTML_FILE = 'synthesis.html';
export const DOCX_FILE = 'synthesis.docx';

/** Report options plus the formats to render (default: Markdown only). */
export interface BuildReportOptions extends Partial<ReportOptions> {
  readonly formats?: readonly ReportFormat[];
}

/** A rendered report. */
export interface ReportOutput {
  readonly model: ReportModel;
  readonly markdown?: string;
  readonly html?: string;
  /** The CSV files by name: `csvFiles(model)`, the translation's only for meta-ethnography. */
  readonly csv?: RenderedCsv;
  /** Every rendered file by name (`synthesis.md` and its figures' `.svg`, `synthesis.html`, `*.csv`), in that order. */
  readonly files: Readonly<Record<string, string>>;
}

/** Builds the report model and renders it in the requested formats. */
export function buildReport(source: ReportSource, options: BuildReportOptions = {}): ReportOutput {
  const { formats = ['md'], ...modelOptions } = options;
  const model = buildReportModel(source, modelOptions);
  const markdown = formats.includes('md') ? renderMarkdown(model) : undefined;
  const html = formats.includes('html') ? renderHtml(model) : undefined;
  const csv = formats.includes('csv') ? renderCsv(model) : undefined;
  const files: Record<string, string> = {};
  if (markdown !== undefined) files[MARKDOWN_FILE] = markdown;
  // The Markdown links its figures; HTML and Word carry them inside.
  if (markdown !== undefined) for (const figure of model.figures) files[figure.file] = figureSvg(figure);
  if (html !== undefined) files[HTML_FILE] = html;
  if (csv) Object.assign(files, csv);
  return { model, markdown, html, csv, files };
}

/**
 * Parses a format list such as `md,html,csv` (or `all`); throws an `Error` naming the
 * unknown format and the valid ones.
 */
export function parseFormats(text: string): ReportFormat[] {
  const names = text.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  if (names.includes('all')) return [...REPORT_FORMATS];
  const unknown = names.filter((name) => !(REPORT_FORMATS as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    const what = unknown.length > 0 ? `unknown format \`${unknown.join('`, `')}\`` : 'no format given';
    throw new Error(`${what}: use a comma-separated list of ${REPORT_FORMATS.join(', ')} (or all), e.g. md,html,csv.`);
  }
  return REPORT_FORMATS.filter((format) => names.includes(format));
}
