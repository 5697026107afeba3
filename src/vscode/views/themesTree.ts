import * as vscode from 'vscode';
import { codeTree, type CodeTreeNode, findTheme, type Segment } from '../../core';
import type { ReviewLens } from './reviewLens';
import { ReviewTreeProvider } from './reviewTreeProvider';
import { MemoItem, memosOf } from './memoItem';
import { CodeItem, CodePrefixItem, GroupItem, SegmentItem, ThemeItem } from './treeItems';

/** Items of the Themes tree. */
export type ThemesTreeItem = ThemeItem | GroupItem | CodeItem | CodePrefixItem | SegmentItem | MemoItem;

/**
 * The Themes tree: theme → sub-theme → code → segment in codebook order, then the
 * *Uncategorised codes* and *Unused codes* groups; the memos about a theme or code come
 * first under it. A code filed under two themes shows
 * under both. Nested codes (`workers/hours`) stand under their parent code, or under a
 * `workers/` prefix when the parent is not a code of that theme.
 */
export class ThemesTreeProvider extends ReviewTreeProvider<ThemesTreeItem> {
  protected childrenOf(item: ThemesTreeItem | undefined, lens: ReviewLens, root: vscode.Uri): ThemesTreeItem[] {
    switch (item?.kind) {
      case undefined:
        return this.roots(lens);
      case 'theme': {
        // The item may predate the last codebook edit: read the theme as it is now.
        const theme = findTheme(lens.index.codebook, item.theme.path) ?? item.theme;
        const codes = codeItems(codeTree(lens.ownCodes(theme)), item, lens);
        const subthemes = theme.children.filter((child) => lens.isThemeVisible(child)).map((child) => new ThemeItem(child, item, lens));
        const memos = memosOf(lens.index, { kind: 'theme', path: theme.path }).map((memo) => new MemoItem(memo, item, root));
        return [...memos, ...codes, ...subthemes];
      }
      case 'group':
        return codeItems(codeTree(item.group === 'uncategorised' ? lens.uncategorisedCodes() : lens.unusedCodes()), item, lens);
      case 'codePrefix':
        return codeItems(item.childCodes, item, lens);
      case 'code': {
        const memos = memosOf(lens.index, { kind: 'code', code: item.code }).map((memo) => new MemoItem(memo, item, root));
        return [...memos, ...codeItems(item.childCodes, item, lens), ...segmentItems(item, lens.segmentsOf(item.code), lens, root)];
      }
      default:
        return [];
    }
  }

  /** The item of a code as the tree shows it first: under its first theme, else in a group. */
  async findCode(code: string): Promise<CodeItem | undefined> {
    const loaded = await this.session.loaded();
    if (!loaded) return undefined;
    const lens = this.lens(loaded.review);
    const search = (items: readonly ThemesTreeItem[]): CodeItem | undefined => {
      for (const item of items) {
        if (item.kind === 'code' && item.code === code) return item;
        const found = hasCodesBelow(item) ? search(this.childrenOf(item, lens, loaded.root).filter((child) => child.kind !== 'segment')) : undefined;
        if (found) return found;
      }
      return undefined;
    };
    return search(this.roots(lens));
  }

  private roots(lens: ReviewLens): ThemesTreeItem[] {
    const themes: ThemesTreeItem[] = lens.index.themes().filter((theme) => lens.isThemeVisible(theme)).map((theme) => new ThemeItem(theme, undefined, lens));
    const uncategorised = lens.uncategorisedCodes().length;
    if (uncategorised > 0) themes.push(new GroupItem('uncategorised', uncategorised));
    const unused = lens.unusedCodes().length;
    if (unused > 0) themes.push(new GroupItem('unused', unused));
    return themes;
  }
}

/** Items for the nodes of a code tree: codes, and prefixes that only group codes. */
function codeItems(nodes: readonly CodeTreeNode[], parent: ThemeItem | GroupItem | CodeItem | CodePrefixItem, lens: ReviewLens): Array<CodeItem | CodePrefixItem> {
  return nodes.map((node) => (node.isCode ? new CodeItem(node.name, parent, lens, node.children) : new CodePrefixItem(node.name, parent, node.children)));
}

/** Whether code items may stand below `item` (where `findCode` looks). */
function hasCodesBelow(item: ThemesTreeItem): boolean {
  return item.kind === 'theme' || item.kind === 'group' || item.kind === 'codePrefix' || (item.kind === 'code' && item.childCodes.length > 0);
}

/** Segment items of a code item, with ids kept unique even for identical ranges. */
export function segmentItems(parent: CodeItem, segments: readonly Segment[], lens: ReviewLens, root: vscode.Uri): SegmentItem[] {
  const seen = new Set<string>();
  return segments.map((segment) => {
    const key = `${segment.path}:${segment.range.start}-${segment.range.end}`;
    let suffix = '';
    for (let n = 2; seen.has(key + suffix); n++) suffix = `#${n}`;
    seen.add(key + suffix);
    return new SegmentItem(segment, parent, root, lens.citation(segment.path), suffix);
  });
}

