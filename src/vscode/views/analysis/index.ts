import * as vscode from 'vscode';
import type { ReviewSession } from '../../reviewSession';
import type { ViewFilter } from '../viewFilter';
import { AnalysisPanel } from './analysisPanel';
import { ANALYSIS_SEGMENTS_SCHEME, AnalysisSegmentsProvider } from './analysisSegments';

/** Registers the Analysis panel and the documents of the segments behind its cells. */
export function registerAnalysis(session: ReviewSession, filter: ViewFilter, extensionUri: vscode.Uri): { panel: AnalysisPanel; disposables: vscode.Disposable[] } {
  const panel = new AnalysisPanel(session, filter, extensionUri);
  const segments = new AnalysisSegmentsProvider(session, filter);
  return { panel, disposables: [panel, segments, vscode.workspace.registerTextDocumentContentProvider(ANALYSIS_SEGMENTS_SCHEME, segments)] };
}
