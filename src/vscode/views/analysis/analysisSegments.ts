import * as vscode from 'vscode';
import { citationLabels, formatFilter, segmentsMarkdown } from '../../../core';
import type { ReviewSession } from '../../reviewSession';
import type { ViewFilter } from '../viewFilter';
import { cellSegments, type AnalysisChoices } from './analysisView';

/** URI scheme of the read-only documents of the segments behind an Analysis cell. */
export const ANALYSIS_SEGMENTS_SCHEME = 'qualsynth-analysis';

/** A cell of the Analysis panel: the choices it was shown under, its row and column. */
export interface AnalysisCell {
  readonly choices: AnalysisChoices;
  readonly row: number;
  readonly column: number;
}

/** The URI of a cell's document; its name ends in `.md`, so it opens as Markdown. */
export function analysisSegmentsUri(cell: AnalysisCell): vscode.Uri {
  return vscode.Uri.from({ scheme: ANALYSIS_SEGMENTS_SCHEME, path: `/Analysis ${cell.row + 1}×${cell.column + 1} — segments.md`, query: JSON.stringify(cell) });
}

/**
 * Serves the segments behind an Analysis cell as the Show All Segments document does
 * (one section per study, each passage with its line, order and codes), under the
 * views' filter; open documents follow edits and filter changes.
 */
export class AnalysisSegmentsProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly session: ReviewSession, private readonly filter: ViewFilter) {
    const refresh = (): void => {
      for (const document of vscode.workspace.textDocuments) if (document.uri.scheme === ANALYSIS_SEGMENTS_SCHEME) this.changed.fire(document.uri);
    };
    this.disposables.push(filter.onDidChange(refresh));
    void session.ready.then((review) => review && this.disposables.push(review.index.onDidUpdate(refresh)), () => undefined);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const review = await this.session.current().catch(() => undefined);
    if (!review) return 'No QualSynth review is open.\n';
    const cell = JSON.parse(uri.query) as AnalysisCell;
    const { title, segments } = cellSegments(review.index, cell.choices, this.filter.state.studies, cell.row, cell.column);
    const labels = citationLabels(review.index.studies());
    return segmentsMarkdown({ title, about: '', filter: formatFilter(this.filter.state.studies), segments, citation: (path) => labels.get(path) ?? path });
  }

  dispose(): void {
    this.changed.dispose();
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}
