import * as vscode from 'vscode';
import { type BuildReportOptions, EXCERPT_CONTEXTS, type ExcerptContext, isInsideReview, parseFilter, type ReportFormat, type Review, type StudyFilter } from '../../core';

/** The report options from the `qualsynth.report.*` settings, checked. */
export interface ReportSettings {
  readonly options: BuildReportOptions;
  /** Review-relative folder the files go to. */
  readonly folder: string;
  readonly formats: readonly ReportFormat[];
}

/** Reads the report settings; throws an `Error` with a clear message when one is wrong. */
export function reportSettings(review: Review): ReportSettings {
  const settings = vscode.workspace.getConfiguration('qualsynth.report');
  const formats = settings.get<ReportFormat[]>('formats', ['md', 'html', 'csv']);
  const folder = settings.get<string>('outputFolder', '').trim() || review.config.reportDir;
  if (!isInsideReview(folder)) throw new Error(vscode.l10n.t('qualsynth.report.outputFolder `{0}` points outside the review folder: use a relative path without `..`.', folder));
  const filterText = settings.get<string>('filter', '').trim();
  let filter: StudyFilter | undefined;
  try {
    filter = filterText ? parseFilter(filterText) : undefined;
  } catch (error) {
    throw new Error(vscode.l10n.t('qualsynth.report.filter: {0}', (error as Error).message));
  }
  return {
    folder,
    formats,
    options: {
      formats,
      reportDir: folder,
      excerptLimit: Math.max(0, Math.floor(settings.get<number>('excerptLimit', 5))),
      excerptContext: excerptContextSetting(settings.get<string>('excerptContext', 'sentence')),
      includeUncategorised: settings.get<boolean>('includeUncategorised', true),
      ...(filter ? { filter } : {}),
    },
  };
}

/** `qualsynth.report.excerptContext`, checked: words, sentence or paragraph. */
function excerptContextSetting(value: string): ExcerptContext {
  if ((EXCERPT_CONTEXTS as readonly string[]).includes(value)) return value as ExcerptContext;
  throw new Error(vscode.l10n.t('qualsynth.report.excerptContext is `{0}`: use words, sentence or paragraph.', value));
}
