import * as vscode from 'vscode';
import { CodebookEditError, editSequence, type EditStep, moveCodeEdits, moveThemeEdits, parseCodebook, type Review } from '../../core';
import type { ReviewSession } from '../reviewSession';
import { editCodebook } from '../codebookEdit';
import type { ThemesTreeItem } from './themesTree';
import type { CodeItem, ThemeItem } from './treeItems';

/** The Themes view's id; its drag-and-drop MIME type derives from it. */
export const THEMES_VIEW = 'qualsynth.themes';
/** MIME type of Themes tree items in a data transfer (VS Code's convention for tree views). */
export const THEMES_MIME = `application/vnd.code.tree.${THEMES_VIEW}`;

/**
 * Drag and drop in the Themes view: a code dropped on a theme is filed under it (moved
 * from the theme it was dragged from), a theme dropped on a theme becomes its
 * sub-theme. One workspace edit of the codebook; the rest of the file is untouched.
 */
export class ThemesDragAndDrop implements vscode.TreeDragAndDropController<ThemesTreeItem> {
  readonly dragMimeTypes = [THEMES_MIME];
  readonly dropMimeTypes = [THEMES_MIME];

  constructor(private readonly session: ReviewSession) {}

  handleDrag(source: readonly ThemesTreeItem[], dataTransfer: vscode.DataTransfer): void {
    const movable = source.filter((item) => item.kind === 'code' || item.kind === 'theme');
    if (movable.length > 0) dataTransfer.set(THEMES_MIME, new vscode.DataTransferItem(movable));
  }

  /** Files the dropped codes and themes under the target's theme (one edit of the codebook, left unsaved). */
  async handleDrop(target: ThemesTreeItem | undefined, dataTransfer: vscode.DataTransfer): Promise<void> {
    await this.drop(target, (dataTransfer.get(THEMES_MIME)?.value ?? []) as readonly ThemesTreeItem[]);
  }

  /** Files `dropped` codes and themes under the target's theme; resolves to whether the codebook changed. */
  async drop(target: ThemesTreeItem | undefined, dropped: readonly ThemesTreeItem[]): Promise<boolean> {
    const sources = dropped.filter((item): item is CodeItem | ThemeItem => item.kind === 'code' || item.kind === 'theme');
    if (sources.length === 0) return false;
    const targetPath = themePathOf(target);
    if (!targetPath) {
      void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: drop codes and themes onto a theme to file them under it.'));
      return false;
    }
    const review = await this.session.current();
    if (!review || !this.session.root) return false;
    try {
      return await editCodebook(review, this.session.root, (codebook, text) => editSequence(codebook.path, text, sources.map((source) => moveStep(review, source, targetPath))));
    } catch (error) {
      if (!(error instanceof CodebookEditError)) throw error;
      void vscode.window.showErrorMessage(vscode.l10n.t('QualSynth: {0}', error.message));
      return false;
    }
  }
}

/** The theme a drop onto `target` files things under: the theme itself, or the theme of a code or segment. */
function themePathOf(target: ThemesTreeItem | undefined): readonly string[] | undefined {
  switch (target?.kind) {
    case 'theme':
      return target.themePath;
    case 'code':
    case 'codePrefix':
      return target.themePath;
    case 'segment':
      return target.parent.themePath;
    default:
      return undefined;
  }
}

/** One move as an edit step, computed on the codebook text the previous step left. */
function moveStep(review: Review, source: CodeItem | ThemeItem, targetPath: readonly string[]): EditStep {
  return (text) => {
    const codebook = parseCodebook(review.config.codebook, text);
    if (source.kind === 'theme') return moveThemeEdits(codebook, text, source.themePath, targetPath);
    return moveCodeEdits(codebook, text, source.code, source.themePath ?? firstThemeOf(codebook.definitions, source.code), targetPath);
  };
}

/** Where a code dragged from outside the themes (a group) is defined first, or `[]`. */
export function firstThemeOf(definitions: ReadonlyArray<{ code: string; themePath: readonly string[] }>, code: string): readonly string[] {
  return definitions.find((definition) => definition.code === code)?.themePath ?? [];
}
