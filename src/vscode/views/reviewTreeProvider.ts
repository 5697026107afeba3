import * as vscode from 'vscode';
import type { Review } from '../../core';
import type { ReviewSession, SettleSubscription } from '../reviewSession';
import { ReviewLens } from './reviewLens';
import type { ViewItem } from './treeItems';
import type { ViewFilter } from './viewFilter';

/** Quiet time after the last index update before the tree redraws. */
const REFRESH_DELAY_MS = 200;
/** Longest a redraw waits while updates keep coming (typing, a long checkout). */
const REFRESH_MAX_WAIT_MS = 1000;

/**
 * What the Themes and Studies trees share: the review once loaded, one `ReviewLens` per
 * state of the index and filter (dropped on every update, so an expansion never shows
 * stale counts), and one debounced redraw per burst of updates.
 */
export abstract class ReviewTreeProvider<T extends ViewItem> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** How many redraws the tree was told to make (tests bound refresh storms with it). */
  refreshCount = 0;
  /** The tree view showing this provider, once attached. */
  view: vscode.TreeView<T> | undefined;
  protected readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly settled: SettleSubscription;
  private lensValue: ReviewLens | undefined;

  constructor(protected readonly session: ReviewSession, protected readonly filter: ViewFilter) {
    this.settled = session.onDidSettle(() => this.refresh(), { quietMs: REFRESH_DELAY_MS, maxWaitMs: REFRESH_MAX_WAIT_MS });
    this.disposables.push(
      this.settled,
      // An expansion between an update and the redraw must not show stale counts.
      session.onDidUpdate(() => (this.lensValue = undefined)),
      filter.onDidChange(() => {
        if (this.view) this.describe(this.view);
        this.refresh();
      }),
    );
  }

  /** Shows this provider's state (filter, grouping) in the view's title bar; returns the view. */
  attach(view: vscode.TreeView<T>): vscode.TreeView<T> {
    this.view = view;
    this.describe(view);
    return view;
  }

  /** True while a redraw waits for the updates to pause. */
  get refreshPending(): boolean {
    return this.settled.pending;
  }

  getTreeItem(item: T): vscode.TreeItem {
    return item;
  }

  /** Makes the tooltip of the item under the mouse. */
  resolveTreeItem(_treeItem: vscode.TreeItem, item: T): vscode.TreeItem {
    // `getTreeItem` returns the item itself, so the item is the tree item to complete.
    item.resolveTooltip();
    return item;
  }

  getParent(item: T): T | undefined {
    return item.parent as T | undefined;
  }

  async getChildren(item?: T): Promise<T[]> {
    const loaded = await this.session.loaded();
    if (!loaded) return [];
    const { review, root } = loaded;
    const lens = this.lens(review);
    const children = this.childrenOf(item, lens, root);
    if (item === undefined && this.view) {
      this.view.message = children.length === 0 && lens.filtered ? vscode.l10n.t('Nothing matches the filter {0}.', this.filter.description) : undefined;
    }
    return children;
  }

  /** The lens of the index as it is now, under the current filter. */
  lens(review: Review): ReviewLens {
    if (this.lensValue?.index !== review.index || this.lensValue.filter !== this.filter.state) this.lensValue = new ReviewLens(review.index, this.filter.state);
    return this.lensValue;
  }

  /** Redraws the whole tree now (expanded items keep their state through their ids). */
  refresh(): void {
    this.settled.cancel();
    this.lensValue = undefined;
    this.refreshCount++;
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.disposables.forEach((disposable) => disposable.dispose());
  }

  /** Sets the view's description (the filter); subclasses add their own state. */
  protected describe(view: vscode.TreeView<T>): void {
    view.description = this.filter.description || undefined;
  }

  /** The children of an item (the roots for `undefined`), built from the lens. */
  protected abstract childrenOf(item: T | undefined, lens: ReviewLens, root: vscode.Uri): T[];
}
