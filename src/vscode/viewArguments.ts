/**
 * What view commands were given: a tree item (from a context menu, with the other
 * selected items), a plain value (from a link, a test or another extension), or nothing
 * (from the command palette: then they ask).
 */
import * as vscode from 'vscode';
import { type Review, samePath } from '../core';
import type { ViewItem } from './views/treeItems';

/** The items a context-menu command applies to: the selection when it includes the clicked item. */
export function itemsOf(argument: unknown, selected: unknown): ViewItem[] {
  const clicked = isViewItem(argument) ? [argument] : [];
  if (Array.isArray(selected) && selected.every(isViewItem) && selected.some((item) => item === argument)) return selected;
  return clicked;
}

/** True for an item of the QualSynth trees. */
export function isViewItem(value: unknown): value is ViewItem {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string' && 'contextValue' in value;
}

/** A list of strings (a theme path), or `undefined`. */
export function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}

/** A theme path from a theme item, a path given as a list, or a quick pick. */
export async function themeArgument(review: Review, argument: unknown, placeHolder: string): Promise<readonly string[] | undefined> {
  if (isViewItem(argument) && argument.kind === 'theme') return argument.themePath;
  return stringList(argument) ?? pickTheme(review, placeHolder);
}

/** Asks for a theme of the codebook, indented by depth. */
export async function pickTheme(review: Review, placeHolder: string, exclude?: readonly string[]): Promise<readonly string[] | undefined> {
  const themes = review.index.allThemes().filter((theme) => !exclude || !samePath(theme.path, exclude));
  if (themes.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: the codebook has no themes yet. Add one with "New Theme…".'));
    return undefined;
  }
  const items = themes.map((theme) => ({ label: `${'\u2003'.repeat(theme.depth - 1)}${theme.title}`, description: theme.path.slice(0, -1).join(' › '), path: theme.path }));
  return (await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true }))?.path;
}
