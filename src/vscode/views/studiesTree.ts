import * as vscode from 'vscode';
import type { ReviewSession } from '../reviewSession';
import type { ReviewLens } from './reviewLens';
import { ReviewTreeProvider } from './reviewTreeProvider';
import { groupStudies } from './studyGrouping';
import { segmentItems } from './themesTree';
import { MemoItem, memosOf } from './memoItem';
import { AttributeValueItem, CodeItem, StudyItem, type SegmentItem } from './treeItems';
import type { ViewFilter } from './viewFilter';

/** Items of the Studies tree. */
export type StudiesTreeItem = AttributeValueItem | StudyItem | CodeItem | SegmentItem | MemoItem;

/** Where the grouping key is remembered between sessions. */
const GROUP_BY_STATE = 'qualsynth.studies.groupBy';

/**
 * The Studies tree: study (citation label) → its memos, then codes → segments, optionally grouped by a
 * front-matter attribute (a study with a list attribute stands under each value).
 */
export class StudiesTreeProvider extends ReviewTreeProvider<StudiesTreeItem> {
  constructor(session: ReviewSession, filter: ViewFilter, private readonly state: vscode.Memento) {
    super(session, filter);
  }

  /** The attribute studies are grouped by, or `undefined` for a flat list. */
  get groupBy(): string | undefined {
    return this.state.get<string>(GROUP_BY_STATE);
  }

  /** Groups by `key` (`undefined` for a flat list), remembers it and redraws. */
  async setGroupBy(key: string | undefined): Promise<void> {
    await this.state.update(GROUP_BY_STATE, key);
    if (this.view) this.describe(this.view);
    this.refresh();
  }

  protected override describe(view: vscode.TreeView<StudiesTreeItem>): void {
    super.describe(view);
    const key = this.groupBy;
    view.title = key ? vscode.l10n.t('Studies by {0}', key) : vscode.l10n.t('Studies');
  }

  protected childrenOf(item: StudiesTreeItem | undefined, lens: ReviewLens, root: vscode.Uri): StudiesTreeItem[] {
    const key = this.groupBy;
    switch (item?.kind) {
      case undefined:
        if (!key) return lens.studies().map((study) => new StudyItem(study, undefined, root, lens));
        return groupStudies(lens.studies(), key).map((group) => new AttributeValueItem(key, group.value, group.studies));
      case 'attributeValue': {
        // Regrouped from the lens, so a study edited since the item was made shows as it is now.
        const group = groupStudies(lens.studies(), item.key).find((candidate) => candidate.value === item.value);
        return (group?.studies ?? []).map((study) => new StudyItem(study, item, root, lens));
      }
      case 'study': {
        const study = lens.index.getStudy(item.study.path);
        if (!study) return [];
        const memos = memosOf(lens.index, { kind: 'study', id: study.id }).map((memo) => new MemoItem(memo, item, root));
        return [...memos, ...lens.codesOfStudy(study).map((code) => new CodeItem(code, item, lens))];
      }
      case 'code': {
        const study = item.study && lens.index.getStudy(item.study.path);
        return study ? segmentItems(item, lens.segmentsOfStudy(study, item.code), lens, root) : [];
      }
      default:
        return [];
    }
  }
}
