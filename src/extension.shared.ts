/**
 * The one activation of the desktop and the web extension (as VS Code's Markdown
 * extension has it): creates the review session and the features with the platform's
 * adapters, and ties their lifetimes to the extension's. No feature logic lives here.
 */
import * as vscode from 'vscode';
import { registerCerqualFeatures } from './vscode/cerqual';
import { registerEditorFeatures } from './vscode/editor';
import type { DrawnDecorations } from './vscode/editor/decorations';
import { registerShowIndexSummary } from './vscode/indexSummary';
import { qualsynthMarkdownIt } from './vscode/preview/markdownItPlugin';
import { PreviewColours } from './vscode/preview/previewColours';
import { registerDemoReview } from './vscode/scaffold/demoReview';
import { registerScaffoldCommands } from './vscode/scaffold/newReview';
import { registerNewStudiesFromReferences } from './vscode/scaffold/newStudiesFromReferences';
import { CodingResultPanel } from './vscode/git/codingResultPanel';
import { registerCompileReport } from './vscode/report/compileReport';
import { ReportPreview } from './vscode/report/reportPreview';
import { registerAnalysis } from './vscode/views/analysis';
import type { AnalysisPanel } from './vscode/views/analysis/analysisPanel';
import { registerRefiCommands } from './vscode/refi/refiCommands';
import type { Platform } from './vscode/platform';
import { ReviewSession } from './vscode/reviewSession';
import { registerSearch } from './vscode/search/searchCommands';
import type { SearchResultsProvider } from './vscode/search/searchResults';
import { IndexStatusBar } from './vscode/statusBar';
import { registerViews, type ViewsApi } from './vscode/views';

/** What `activate` returns: `vscode.extensions.getExtension(…).exports`. */
export interface QualSynthApi {
  /** Time `activate` took, in milliseconds (the index loads after it returns). */
  readonly activationMs: number;
  /** Redraws the coded-passage highlights now and tells how long it took (tests, benchmark). */
  redrawHighlights(): Promise<number>;
  /** Publishes pending diagnostics now and tells how long it took (tests, benchmark). */
  publishDiagnostics(): Promise<number>;
  /** Called by VS Code's Markdown preview: renders coded spans as highlights with code chips. */
  extendMarkdownIt<T extends Parameters<typeof qualsynthMarkdownIt>[0]>(md: T): T;
  /** The Themes and Studies views: tree providers, drag and drop, filter (tests). */
  readonly views: ViewsApi;
  /** The Search Results view's provider (tests). */
  readonly search: SearchResultsProvider;
  /** Resolves once the reader texts prepared in the background at load are ready, with the studies prepared and the slices it took (benchmark, tests). */
  searchPrepared(): Promise<{ studies: number; slices: number; longestSliceMs: number }>;
  /** Milliseconds the first full index took, once loaded (benchmark). */
  indexLoadMs(): Promise<number | undefined>;
  /** The report preview panel, when open (tests read its HTML). */
  reportPreviewPanel(): vscode.WebviewPanel | undefined;
  /** The Analysis panel (tests send it the messages its page would). */
  analysisPanel(): AnalysisPanel;
  /** The coding diff and agreement panel (tests read its HTML and follow its links). */
  readonly codingResults: CodingResultPanel;
  /** The tints and coding stripes drawn in an editor last (tests). */
  decorationsIn(editor: vscode.TextEditor): DrawnDecorations;
  /** The status-bar item's text as shown now (tests). */
  statusBarText(): string;
}

/** Activates QualSynth; returns quickly and lets the review load in the background. */
export function activateShared(context: vscode.ExtensionContext, platform: Platform): QualSynthApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('QualSynth', { log: true });
  const session = new ReviewSession(log, platform.hostFor);
  const editor = registerEditorFeatures(session, context.workspaceState);
  const views = registerViews(session, context.workspaceState);
  const statusBar = new IndexStatusBar(session, views.api.filter);
  const preview = new ReportPreview(session, context.extensionUri, platform.loadEngines);
  const analysis = registerAnalysis(session, views.api.filter, context.extensionUri);
  const codingResults = new CodingResultPanel(session, context.extensionUri);
  const previewColours = new PreviewColours(session);
  const search = registerSearch(session);
  context.subscriptions.push(
    session,
    registerShowIndexSummary(session),
    statusBar,
    ...editor.disposables,
    ...views.disposables,
    ...registerCerqualFeatures(session),
    registerCompileReport(session, platform.loadEngines),
    preview,
    ...analysis.disposables,
    previewColours,
    ...registerScaffoldCommands(session),
    registerDemoReview(session, context.extensionUri),
    registerNewStudiesFromReferences(session, platform.loadEngines),
    codingResults,
    ...platform.registerGitCommands(session, context.extensionUri, codingResults),
    ...registerRefiCommands(session),
    ...search.disposables,
    // The log goes last: the others may still write to it while being disposed.
    log,
  );
  const activationMs = performance.now() - started;
  log.info(`QualSynth activated in ${activationMs.toFixed(1)} ms`);
  return {
    activationMs,
    redrawHighlights: async () => {
      await editor.decorations.redraw();
      return editor.decorations.lastRedrawMs;
    },
    publishDiagnostics: () => editor.diagnostics.publishNow(),
    extendMarkdownIt: (md) => qualsynthMarkdownIt(md, (code) => previewColours.of(code)),
    views: views.api,
    search: search.results,
    searchPrepared: async () => (await search.background.done(), search.background.stats),
    reportPreviewPanel: () => preview.currentPanel,
    analysisPanel: () => analysis.panel,
    codingResults,
    decorationsIn: (textEditor) => editor.decorations.drawnIn(textEditor),
    statusBarText: () => statusBar.text,
    indexLoadMs: async () => (await session.loaded(), session.loadMs),
  };
}
