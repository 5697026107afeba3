import * as vscode from 'vscode';
import { LineIndex, type Review, type SearchCorpus, type SearchHit, type SearchQuery, type SearchResult, searchStudies } from '../../core';
import { toRange, toUri } from '../convert';
import type { ReviewSession } from '../reviewSession';
import { Debouncer } from '../debouncer';
import type { StudyTexts } from './studyTexts';

/** Id of the Search Results view. */
export const SEARCH_RESULTS_VIEW = 'qualsynth.searchResults';

/**
 * Studies start expanded when a search has at most this many hits, else collapsed:
 * VS Code asks for every expanded study's hits at once, and 10,000 hit rows cost the
 * extension host ~0.2–0.5 s and the workbench more; a study's hits come on expanding it.
 */
export const EXPANDED_UP_TO_HITS = 500;

/** A node of the results tree: a study with hits, or one hit. */
export type ResultNode = { readonly kind: 'study'; readonly path: string } | { readonly kind: 'hit'; readonly hit: SearchHit };

/** What the last search was and found. */
interface LastSearch {
  readonly query: SearchQuery;
  readonly result: SearchResult;
  /** Hits by study path, in file order. */
  readonly byStudy: ReadonlyMap<string, readonly SearchHit[]>;
}

/**
 * The Search Results view: study → hits with their context, the matched words
 * highlighted, hits already coded with the codes to apply marked. Hits are ticked with
 * check boxes; ticks are kept by the hit's place in the reader text, which adding tags
 * does not move, so they survive the re-run that follows every edit of a study in the
 * results (results follow edits).
 */
export class SearchResultsProvider implements vscode.TreeDataProvider<ResultNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ResultNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly ticked = new Set<string>();
  private readonly lines = new Map<string, LineIndex>();
  private last: LastSearch | undefined;
  /** Counts new searches (not re-runs): a study's row id carries it, so each new search starts with its own expansion. */
  private generation = 0;
  private readonly rerun = new Debouncer(() => void this.refresh(), 150, 600);
  private subscription: { dispose(): void } | undefined;
  private running: Promise<unknown> = Promise.resolve();

  /**
   * @param texts The session's kept study texts: a search reads only the studies changed since they were read.
   * @param corpus The session's kept reader texts: a search rebuilds only those of changed studies.
   */
  constructor(
    private readonly session: ReviewSession,
    private readonly texts: StudyTexts,
    private readonly corpus: SearchCorpus,
  ) {}

  /** The last search's result, if any (tests, commands). */
  get result(): SearchResult | undefined {
    return this.last?.result;
  }

  /** Runs a search over every study's current text (open buffers as they are) and shows it. */
  async search(query: SearchQuery): Promise<SearchResult | undefined> {
    const review = await this.session.current();
    if (!review || !this.session.root) return undefined;
    this.ticked.clear();
    this.generation++;
    this.follow(review);
    return this.show(query);
  }

  /** Re-runs the last search now (after edits), keeping the ticks of hits that are still there. */
  async refresh(): Promise<void> {
    if (this.last) await this.show(this.last.query);
  }

  /** Marks the hits already coded with `codes` from now on (the codes just applied), and re-runs. */
  async markCodedWith(codes: readonly string[]): Promise<void> {
    if (this.last) this.last = { ...this.last, query: { ...this.last.query, targetCodes: codes } };
    this.rerun.trigger();
  }

  /** Resolves once a re-run asked for by an edit has happened. */
  async settled(): Promise<void> {
    this.rerun.flush();
    await this.running;
  }

  /** The ticked hits, in study and file order. */
  tickedHits(): SearchHit[] {
    return this.allHits().filter((hit) => this.ticked.has(keyOf(hit)));
  }

  allHits(): SearchHit[] {
    return this.last ? [...this.last.byStudy.values()].flat() : [];
  }

  /** Ticks or unticks hits, or every hit of a study. */
  setTicked(nodes: ReadonlyArray<readonly [ResultNode, boolean]>): void {
    for (const [node, ticked] of nodes) {
      const hits = node.kind === 'hit' ? [node.hit] : (this.last?.byStudy.get(node.path) ?? []);
      for (const hit of hits) {
        if (ticked) this.ticked.add(keyOf(hit));
        else this.ticked.delete(keyOf(hit));
      }
    }
    this.changed.fire(undefined);
  }

  getChildren(node?: ResultNode): ResultNode[] {
    if (!this.last) return [];
    if (!node) return [...this.last.byStudy.keys()].map((path) => ({ kind: 'study', path }));
    return node.kind === 'study' ? (this.last.byStudy.get(node.path) ?? []).map((hit) => ({ kind: 'hit', hit })) : [];
  }

  getTreeItem(node: ResultNode): vscode.TreeItem {
    return node.kind === 'study' ? this.studyItem(node.path) : this.hitItem(node.hit);
  }

  dispose(): void {
    this.rerun.cancel();
    this.subscription?.dispose();
    this.changed.dispose();
  }

  /** Runs `query` after any run under way (so `settled` waits for it too) and shows the result. */
  private async show(query: SearchQuery): Promise<SearchResult | undefined> {
    const run = this.running.then(async () => {
      const review = await this.session.current();
      if (!review) return undefined;
      const texts = await this.texts.current(review);
      const sources = review.index.studies().flatMap((study) => (texts.has(study.path) ? [{ study, text: texts.get(study.path)! }] : []));
      this.corpus.retain(new Set(texts.keys()));
      const result = searchStudies(sources, query, this.corpus);
      const byStudy = new Map<string, SearchHit[]>();
      for (const hit of result.hits) byStudy.set(hit.path, [...(byStudy.get(hit.path) ?? []), hit]);
      const kept = new Set(result.hits.map(keyOf));
      for (const key of this.ticked) if (!kept.has(key)) this.ticked.delete(key);
      this.lines.clear();
      this.last = { query, result, byStudy };
      this.changed.fire(undefined);
      return result;
    });
    this.running = run.catch(() => undefined);
    return run;
  }

  /** Re-runs the search when any study changes (an edit may add or remove a hit anywhere). */
  private follow(review: Review): void {
    this.subscription ??= review.index.onDidUpdate((change) => {
      if (this.last && change.paths.length > 0) this.rerun.trigger();
    });
  }

  private studyItem(path: string): vscode.TreeItem {
    const hits = this.last?.byStudy.get(path) ?? [];
    const expanded = (this.last?.result.hits.length ?? 0) <= EXPANDED_UP_TO_HITS;
    const item = new vscode.TreeItem(hits[0]?.studyId ?? path, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    const coded = hits.filter((hit) => hit.alreadyCoded).length;
    item.description = coded > 0 ? vscode.l10n.t('{0} · {1} hits, {2} coded', path, hits.length, coded) : vscode.l10n.t('{0} · {1} hits', path, hits.length);
    item.id = `study:${this.generation}:${path}`;
    item.contextValue = 'qualsynth.searchStudy';
    item.checkboxState = hits.length > 0 && hits.every((hit) => this.ticked.has(keyOf(hit))) ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
    return item;
  }

  private hitItem(hit: SearchHit): vscode.TreeItem {
    const before = hit.before.length > 30 ? `…${hit.before.slice(-30)}` : hit.before;
    const label = `${before}${hit.text}${hit.after}`;
    const item = new vscode.TreeItem({ label, highlights: [[before.length, before.length + hit.text.length]] }, vscode.TreeItemCollapsibleState.None);
    const range = this.rangeOf(hit);
    const where = vscode.l10n.t('line {0}', range.start.line + 1);
    item.description = hit.alreadyCoded ? vscode.l10n.t('{0} · already coded', where) : where;
    item.tooltip = `${hit.path}:${range.start.line + 1}:${range.start.character + 1} (${hit.order === 'first' ? vscode.l10n.t("participants' words") : vscode.l10n.t("authors' text")})`;
    item.iconPath = new vscode.ThemeIcon(hit.alreadyCoded ? 'pass-filled' : hit.order === 'first' ? 'quote' : 'circle-small');
    item.id = `hit:${keyOf(hit)}`;
    item.contextValue = hit.alreadyCoded ? 'qualsynth.searchHit.coded' : 'qualsynth.searchHit';
    item.checkboxState = this.ticked.has(keyOf(hit)) ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [toUri(this.session.root!, hit.path), { selection: range, preview: true }] };
    return item;
  }

  private rangeOf(hit: SearchHit): vscode.Range {
    let lines = this.lines.get(hit.path);
    if (!lines) this.lines.set(hit.path, (lines = new LineIndex(this.last?.result.texts.get(hit.path) ?? '')));
    return toRange(lines.span(hit.start, hit.end));
  }
}

/** A hit's identity across re-runs: its study and its place in the reader text. */
export function keyOf(hit: SearchHit): string {
  return `${hit.path}\u0000${hit.readerStart}\u0000${hit.readerEnd}`;
}
