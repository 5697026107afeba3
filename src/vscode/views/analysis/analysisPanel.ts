import * as vscode from 'vscode';
import { formatFilter, tableCsv, tableMarkdown } from '../../../core';
import { groupingKeys } from '../studyGrouping';
import type { ReviewSession } from '../../reviewSession';
import { newNonce } from '../../webviewSecurity';
import { Debouncer } from '../../debouncer';
import type { ViewFilter } from '../viewFilter';
import { analysisPage } from './analysisPage';
import { analysisSegmentsUri } from './analysisSegments';
import { analysisView, DEFAULT_CHOICES, viewTable, type AnalysisChoices } from './analysisView';

/** The webview type. */
export const ANALYSIS_VIEW = 'qualsynth.analysis';

/** A message of the panel's script. */
type PanelMessage =
  | { readonly type: 'choose'; readonly choice: keyof AnalysisChoices; readonly value: string }
  | { readonly type: 'sort'; readonly column: number }
  | { readonly type: 'open'; readonly row: number; readonly column: number }
  | { readonly type: 'copy'; readonly format: 'csv' | 'md' };

const CHOICES: Record<string, readonly string[] | RegExp> = {
  mode: ['matrix', 'cooccurrence'],
  rows: /^(?:codes|themes:[1-6])$/,
  columns: /^(?:studies|codes|attribute:.{1,200})$/s,
  measure: ['studies', 'segments', 'participants'],
  unit: ['segment', 'block', 'study'],
};

/**
 * `QualSynth: Show Analysis`: matrix coding and co-occurrence as heat-map tables in a
 * webview beside the editor. Follows the views' study filter (the text filter, which
 * picks codes and passages to show, does not change counts) and every edit (debounced);
 * a cell opens the segments behind it; the table copies as CSV or Markdown. A strict
 * CSP with a per-render nonce, `localResourceRoots` limited to `media/`, every text
 * escaped, every message checked.
 */
export class AnalysisPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private choices: AnalysisChoices = DEFAULT_CHOICES;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly redraw = new Debouncer(() => void this.render(), 250, 1000);

  constructor(private readonly session: ReviewSession, private readonly filter: ViewFilter, private readonly extensionUri: vscode.Uri) {
    this.disposables.push(
      vscode.commands.registerCommand('qualsynth.showAnalysis', () => this.show()),
      filter.onDidChange(() => this.redraw.trigger()),
    );
    void session.ready.then((review) => review && this.disposables.push(review.index.onDidUpdate(() => this.redraw.trigger())), () => undefined);
  }

  /** The open panel (tests read its HTML). */
  get currentPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** Opens (or reveals) the panel. */
  async show(): Promise<vscode.WebviewPanel> {
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside, false);
      return this.panel;
    }
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(ANALYSIS_VIEW, vscode.l10n.t('Analysis'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, { enableScripts: true, localResourceRoots: [media], retainContextWhenHidden: false });
    panel.iconPath = vscode.Uri.joinPath(media, 'icon.png');
    this.panel = panel;
    panel.onDidDispose(() => (this.panel = undefined), undefined, this.disposables);
    panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message), undefined, this.disposables);
    await this.render();
    return panel;
  }

  /** Handles a message of the page (tests send the ones a click would). */
  async receive(message: unknown): Promise<void> {
    if (!isMessage(message)) return;
    if (message.type === 'choose') this.choices = { ...this.choices, [message.choice]: message.value, sortColumn: -1, descending: false };
    if (message.type === 'sort') this.choices = { ...this.choices, sortColumn: message.column, descending: this.choices.sortColumn === message.column ? !this.choices.descending : message.column >= 0 };
    if (message.type === 'choose' || message.type === 'sort') return this.render();
    const review = await this.session.current().catch(() => undefined);
    if (!review) return;
    if (message.type === 'open') {
      const document = await vscode.workspace.openTextDocument(analysisSegmentsUri({ choices: this.choices, row: message.row, column: message.column }));
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
      return;
    }
    const table = viewTable(analysisView(review.index, this.choices, this.filter.state.studies));
    await vscode.env.clipboard.writeText(message.format === 'csv' ? tableCsv(table) : tableMarkdown(table));
    void vscode.window.setStatusBarMessage(vscode.l10n.t('QualSynth: copied the table as {0}.', message.format === 'csv' ? 'CSV' : 'Markdown'), 4000);
  }

  /** Renders the page for the current choices, filter and index. */
  async render(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const review = await this.session.current().catch(() => undefined);
    if (!review || this.panel !== panel) return;
    const studies = review.index.studies();
    const attributes = groupingKeys(studies);
    if (this.choices.columns.startsWith('attribute:') && !attributes.includes(this.choices.columns.slice('attribute:'.length))) this.choices = { ...this.choices, columns: 'studies' };
    const levels = Math.max(1, ...review.index.allThemes().map((theme) => theme.path.length));
    const view = analysisView(review.index, this.choices, this.filter.state.studies);
    const webview = panel.webview;
    const media = (name: string): string => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', name)).toString();
    webview.html = analysisPage(view, this.choices, { nonce: newNonce(), cspSource: webview.cspSource, scriptUri: media('analysis.js'), styleUri: media('analysis.css'), attributes, levels, filter: formatFilter(this.filter.state.studies) });
  }

  dispose(): void {
    this.redraw.cancel();
    this.panel?.dispose();
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}

function isMessage(message: unknown): message is PanelMessage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  const whole = (value: unknown, min: number): boolean => Number.isSafeInteger(value) && (value as number) >= min;
  switch (m.type) {
    case 'choose': {
      const allowed = typeof m.choice === 'string' && Object.hasOwn(CHOICES, m.choice) ? CHOICES[m.choice] : undefined;
      if (!allowed || typeof m.value !== 'string') return false;
      return Array.isArray(allowed) ? allowed.includes(m.value) : (allowed as RegExp).test(m.value);
    }
    case 'sort':
      return whole(m.column, -1);
    case 'open':
      return whole(m.row, 0) && whole(m.column, 0);
    case 'copy':
      return m.format === 'csv' || m.format === 'md';
    default:
      return false;
  }
}
