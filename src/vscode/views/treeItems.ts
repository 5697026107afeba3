/**
 * The items of the Themes and Studies trees. Each has a `kind` (the same as its
 * `contextValue`, which menus key on), a stable `id` built from its parent's (so
 * expansion survives refreshes) and its `parent` (for `reveal`). Commands that take a
 * code read the `code` property (as `qualsynth.renameCode` does). Tooltips are made on
 * hover (`resolveTooltip`), not for every item of a large tree.
 */
import * as vscode from 'vscode';
import { codeCard, type CodeTreeNode, countOf, excerpt, orderLabel, type Segment, type Study, type Theme } from '../../core';
import { cardCounts, cardMarkdown } from '../codeCardText';
import { toRange, toUri } from '../convert';
import { memoCountText, memosOf, type MemoItem } from './memoItem';
import type { ReviewLens } from './reviewLens';

/** Any item of either tree. */
export type ViewItem = ThemeItem | GroupItem | CodeItem | CodePrefixItem | SegmentItem | StudyItem | AttributeValueItem | MemoItem;

/** What a nested code stands under in the Themes view: its theme or group, its parent code or prefix. */
type CodeParent = ThemeItem | GroupItem | StudyItem | CodeItem | CodePrefixItem;

/** The two groups at the end of the Themes tree. */
export type CodeGroup = 'uncategorised' | 'unused';

/** A theme (a codebook heading): its own codes, then its sub-themes. */
export class ThemeItem extends vscode.TreeItem {
  readonly kind = 'theme';
  private readonly studyCount: number;

  constructor(readonly theme: Theme, readonly parent: ThemeItem | undefined, lens: ReviewLens) {
    const memos = memosOf(lens.index, { kind: 'theme', path: theme.path }).length;
    const empty = theme.codes.length === 0 && theme.children.length === 0 && memos === 0;
    super(theme.title, empty ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `theme:${JSON.stringify(theme.path)}`;
    this.contextValue = this.kind;
    this.iconPath = new vscode.ThemeIcon(theme.depth === 1 ? 'layers' : 'list-tree');
    this.studyCount = lens.studyCountOfTheme(theme);
    this.description = countOf(this.studyCount, 'study');
    // A review finding shows its GRADE-CERQual confidence.
    if (theme.finding) this.description += ` · ${theme.cerqual?.confidence ? vscode.l10n.t('{0} confidence', theme.cerqual.confidence) : vscode.l10n.t('not assessed')}`;
    this.description += memoCountText(memos);
  }

  /** Sets the tooltip (made on hover: `resolveTreeItem`). */
  resolveTooltip(): void {
    this.tooltip ??= themeTooltip(this.theme, this.studyCount);
  }

  /** The theme's heading path, where codes dropped on it are filed. */
  get themePath(): readonly string[] {
    return this.theme.path;
  }
}

/** *Uncategorised codes* (used, not defined) or *Unused codes* (defined, not used). */
export class GroupItem extends vscode.TreeItem {
  readonly kind = 'group';
  readonly parent = undefined;

  constructor(readonly group: CodeGroup, codeCount: number) {
    super(group === 'uncategorised' ? vscode.l10n.t('Uncategorised codes') : vscode.l10n.t('Unused codes'), vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `group:${group}`;
    this.contextValue = this.kind;
    this.description = String(codeCount);
    this.iconPath = new vscode.ThemeIcon(group === 'uncategorised' ? 'question' : 'circle-slash');
    this.tooltip = group === 'uncategorised' ? vscode.l10n.t('Codes used in studies but defined nowhere in the codebook: move them to a theme to define them.') : vscode.l10n.t('Codes defined in the codebook but used in no study.');
  }

  resolveTooltip(): void {}
}

/**
 * A code, under a theme, a group or a study; its children are its nested codes
 * (`workers/hours` under `workers`, Themes view only), then its segments.
 */
export class CodeItem extends vscode.TreeItem {
  readonly kind = 'code';
  private readonly makeTooltip: () => vscode.MarkdownString;

  /** @param childCodes The codes nested under this one (`code/…`) in the same list. */
  constructor(readonly code: string, readonly parent: CodeParent, lens: ReviewLens, readonly childCodes: readonly CodeTreeNode[] = []) {
    super(`#${code}`, vscode.TreeItemCollapsibleState.None);
    this.id = `${parent.id}/code:${code}`;
    this.contextValue = this.kind;
    const study = parent.kind === 'study' ? parent.study : undefined;
    const segments = study ? lens.segmentsOfStudy(study, code).length : lens.segmentCountOf(code);
    // Memos about the code show under it in the Themes view (under a study, its segments do).
    const memos = study ? 0 : memosOf(lens.index, { kind: 'code', code }).length;
    if (segments > 0 || childCodes.length > 0 || memos > 0) this.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
    const card = codeCard(code, lens.summary(code), { segmentCount: segments, studyCount: study ? 1 : lens.studyCountOf(code) });
    this.description = (study ? countOf(segments, 'segment') : cardCounts(card)) + memoCountText(memos);
    this.iconPath = new vscode.ThemeIcon('tag', card.defined ? undefined : new vscode.ThemeColor('list.warningForeground'));
    this.makeTooltip = () => cardMarkdown(card);
  }

  /** Sets the tooltip (made on hover: `resolveTreeItem`). */
  resolveTooltip(): void {
    this.tooltip ??= this.makeTooltip();
  }

  /** The theme the item stands under, if any (where a move starts from). */
  get themePath(): readonly string[] | undefined {
    return themePathAbove(this.parent);
  }

  /** The study the item stands under in the Studies view, if any. */
  get study(): Study | undefined {
    return this.parent.kind === 'study' ? this.parent.study : undefined;
  }
}

/**
 * A prefix that groups nested codes without being a code itself: `workers/` above
 * `#workers/hours` and `#workers/pay` when `#workers` is not in the list.
 */
export class CodePrefixItem extends vscode.TreeItem {
  readonly kind = 'codePrefix';

  constructor(readonly prefix: string, readonly parent: CodeParent, readonly childCodes: readonly CodeTreeNode[]) {
    super(`${prefix}/`, vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `${parent.id}/prefix:${prefix}`;
    this.contextValue = this.kind;
    this.iconPath = new vscode.ThemeIcon('symbol-namespace');
    this.description = countOf(codesIn(childCodes), 'code');
    this.tooltip = vscode.l10n.t('Codes named {0}/…', `#${prefix}`);
  }

  /** The theme the item stands under, if any (a drop on it files codes there). */
  get themePath(): readonly string[] | undefined {
    return themePathAbove(this.parent);
  }

  resolveTooltip(): void {}
}

/** The theme a code or prefix item stands under, through its parent codes and prefixes. */
function themePathAbove(parent: CodeParent): readonly string[] | undefined {
  if (parent.kind === 'theme') return parent.theme.path;
  return parent.kind === 'code' || parent.kind === 'codePrefix' ? parent.themePath : undefined;
}

/** Number of codes (not prefixes) in a code tree. */
function codesIn(nodes: readonly CodeTreeNode[]): number {
  return nodes.reduce((total, node) => total + (node.isCode ? 1 : 0) + codesIn(node.children), 0);
}

/** A coded passage; a click opens it with the passage selected. */
export class SegmentItem extends vscode.TreeItem {
  readonly kind = 'segment';
  private readonly citation: string;

  /**
   * @param citation "Author Year" of the segment's study.
   * @param idSuffix Tells apart segments that would otherwise share an id.
   */
  constructor(readonly segment: Segment, readonly parent: CodeItem, root: vscode.Uri, citation: string, idSuffix = '') {
    const underStudy = parent.parent.kind === 'study';
    super(underStudy ? excerpt(segment.text) : citation, vscode.TreeItemCollapsibleState.None);
    this.id = `${parent.id}/segment:${segment.path}:${segment.range.start}-${segment.range.end}${idSuffix}`;
    this.contextValue = this.kind;
    const line = segment.range.startPosition.line + 1;
    this.description = underStudy ? `line ${line}` : excerpt(segment.text);
    this.iconPath = new vscode.ThemeIcon(segment.order === 'first' ? 'quote' : 'comment');
    this.citation = citation;
    this.command = { title: vscode.l10n.t('Open Passage'), command: 'vscode.open', arguments: [toUri(root, segment.path), { selection: toRange(segment.range), preview: true }] };
  }

  /** Sets the tooltip (made on hover: `resolveTreeItem`): the whole passage, where it is, its codes. */
  resolveTooltip(): void {
    if (this.tooltip) return;
    const { segment } = this;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown('> ').appendText(segment.text).appendMarkdown('\n\n');
    tooltip.appendText(`${this.citation} · ${segment.path}:${segment.range.startPosition.line + 1} · ${orderLabel(segment)}`);
    tooltip.appendMarkdown('\n\n').appendText(segment.codes.map((code) => `#${code}`).join(' '));
    this.tooltip = tooltip;
  }
}

/** A value of the attribute the Studies view is grouped by. */
export class AttributeValueItem extends vscode.TreeItem {
  readonly kind = 'attributeValue';
  readonly parent = undefined;

  /** @param value The value, or `undefined` for the studies without one. */
  constructor(readonly key: string, readonly value: string | undefined, readonly studies: readonly Study[]) {
    super(value ?? `(no ${key})`, vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `value:${JSON.stringify([key, value ?? null])}`;
    this.contextValue = this.kind;
    this.description = countOf(studies.length, 'study');
    this.iconPath = new vscode.ThemeIcon('symbol-enum-member');
    this.tooltip = `${key}: ${value ?? '(none)'}`;
  }

  resolveTooltip(): void {}
}

/** An included study: citation label, attributes in the tooltip; its codes below. */
export class StudyItem extends vscode.TreeItem {
  readonly kind = 'study';

  constructor(readonly study: Study, readonly parent: AttributeValueItem | undefined, root: vscode.Uri, lens: ReviewLens) {
    super(lens.citation(study.path), vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `${parent?.id ?? ''}/study:${study.path}`;
    this.contextValue = this.kind;
    this.resourceUri = toUri(root, study.path);
    this.iconPath = vscode.ThemeIcon.File;
    this.description = countOf(lens.segmentCountOfStudy(study), 'segment') + memoCountText(memosOf(lens.index, { kind: 'study', id: study.id }).length);
  }

  /** Sets the tooltip (made on hover: `resolveTreeItem`): citation and every attribute. */
  resolveTooltip(): void {
    this.tooltip ??= studyTooltip(this.study);
  }
}

function themeTooltip(theme: Theme, studies: number): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown('**').appendText(theme.title).appendMarkdown('**');
  if (theme.path.length > 1) tooltip.appendMarkdown('\n\n').appendText(theme.path.slice(0, -1).join(' › '));
  if (theme.description) tooltip.appendMarkdown('\n\n').appendText(excerpt(theme.description, 400));
  if (theme.finding) tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Finding: {0}', theme.finding.text));
  if (theme.cerqual?.confidence) tooltip.appendMarkdown('\n\nGRADE-CERQual: ').appendText(`${theme.cerqual.confidence}${theme.cerqual.explanation ? ` — ${theme.cerqual.explanation}` : ''}`);
  tooltip.appendMarkdown('\n\n').appendText(`${countOf(studies, 'study')} contribute`);
  return tooltip;
}

function studyTooltip(study: Study): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown('**').appendText(study.citation ?? study.id).appendMarkdown('**\n\n');
  for (const [key, value] of Object.entries(study.attributes)) {
    if (key === 'citation') continue;
    tooltip.appendMarkdown('- ').appendText(`${key}: ${formatValue(value)}`).appendMarkdown('\n');
  }
  tooltip.appendMarkdown('\n').appendText(`${study.path} · ${countOf(study.segments.length, 'segment')}`);
  return tooltip;
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (value !== null && typeof value === 'object') return Object.entries(value).map(([key, inner]) => `${key} ${formatValue(inner)}`).join(', ');
  return String(value);
}
