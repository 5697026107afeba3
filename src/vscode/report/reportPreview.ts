import * as vscode from 'vscode';
import { buildReportModel, type LoadEngines, loadReferences, renderHtmlBody, type Review } from '../../core';
import { openReviewLink } from '../reviewLinks';
import type { ReviewSession } from '../reviewSession';
import { escapeHtml, isOpenLink, webviewOptions, webviewPage } from '../webviewPage';
import { reportSettings } from './reportSettings';

/** The webview type, also used to restore the panel after a reload. */
export const REPORT_PREVIEW_VIEW = 'qualsynth.reportPreview';
/** How long edits may pause before the preview re-renders. */
const DEBOUNCE_MS = 300;

/**
 * `QualSynth: Preview Synthesis Report`: the report in a webview beside the editor,
 * re-rendered on every change. A strict Content-Security-Policy with a per-load nonce,
 * `localResourceRoots` limited to `media/`, study text sanitised by the core renderer,
 * and messages validated: a link opens only a study of this review, at its line.
 */
export class ReportPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  /** @param loadEngines The platform's manuscript engines (the citation engine, for references). */
  constructor(
    private readonly session: ReviewSession,
    private readonly extensionUri: vscode.Uri,
    private readonly loadEngines: LoadEngines,
  ) {
    this.disposables.push(
      vscode.commands.registerCommand('qualsynth.previewReport', () => this.show()),
      vscode.window.registerWebviewPanelSerializer(REPORT_PREVIEW_VIEW, { deserializeWebviewPanel: async (panel) => this.adopt(panel) }),
    );
    // An open panel follows the index; a panel opened or restored renders the review itself.
    this.disposables.push(session.onDidSettle(() => this.panel && void this.render(), { quietMs: DEBOUNCE_MS, atLoad: false }));
  }

  /** The open panel (tests read its HTML). */
  get currentPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** Opens (or reveals) the preview beside the active editor. */
  async show(): Promise<vscode.WebviewPanel> {
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel(REPORT_PREVIEW_VIEW, vscode.l10n.t('Synthesis Report'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {});
    await this.adopt(panel);
    return panel;
  }

  dispose(): void {
    this.panel?.dispose();
    this.disposables.forEach((disposable) => disposable.dispose());
  }

  private async adopt(panel: vscode.WebviewPanel): Promise<void> {
    this.panel = panel;
    panel.webview.options = webviewOptions(this.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.png');
    panel.onDidDispose(() => (this.panel = undefined), undefined, this.disposables);
    panel.webview.onDidReceiveMessage((message: unknown) => void this.onMessage(message), undefined, this.disposables);
    await this.render();
  }

  /** Renders the whole page (new nonce each time). */
  async render(): Promise<void> {
    const panel = this.panel;
    const review = await this.session.current().catch(() => undefined);
    const body = review ? await reportBody(review, this.loadEngines) : `<p>${vscode.l10n.t('No review is open.')}</p>`;
    if (!panel || this.panel !== panel) return;
    panel.webview.html = pageHtml(panel.webview, this.extensionUri, body);
  }

  private async onMessage(message: unknown): Promise<void> {
    if (isOpenLink(message)) await openReviewLink(this.session, message.href);
  }
}

/** The report's HTML body, its references in the review's citation style. */
async function reportBody(review: Review, loadEngines: LoadEngines): Promise<string> {
  try {
    const { options } = reportSettings(review);
    const references = await loadReferences(review, loadEngines);
    return renderHtmlBody(buildReportModel(review, { ...options, reportDir: review.config.reportDir, linkBase: undefined, references }));
  } catch (error) {
    return `<p>${escapeHtml((error as Error).message)}</p>`;
  }
}

/** The webview page: CSP with a nonce, styles and script from `media/` only. */
export function pageHtml(webview: vscode.Webview, extensionUri: vscode.Uri, body: string): string {
  return webviewPage(webview, extensionUri, 'Synthesis Report', body);
}
