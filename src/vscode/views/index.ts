import * as vscode from 'vscode';
import type { ReviewSession } from '../reviewSession';
import { registerCodebookCommands } from './codebookCommands';
import { registerFilterCommands } from './filterCommands';
import { registerRevealCode } from './revealCode';
import { registerSegmentCommands } from './segmentCommands';
import { SEGMENTS_SCHEME, SegmentsDocumentProvider } from './segmentsDocument';
import { StudiesTreeProvider } from './studiesTree';
import { THEMES_VIEW, ThemesDragAndDrop } from './themesDragAndDrop';
import { ThemesTreeProvider } from './themesTree';
import { ViewFilter } from './viewFilter';

/** The Studies view's id. */
export const STUDIES_VIEW = 'qualsynth.studies';
/** The view shown instead of Themes and Studies when the workspace holds no review: its welcome content only. */
const WELCOME_VIEW = 'qualsynth.welcome';
/** Context key that shows the QualSynth views once a review is loaded. */
const HAS_REVIEW_CONTEXT = 'qualsynth.hasReview';

/** What the views expose to tests and other features (through the extension's API). */
export interface ViewsApi {
  readonly themes: ThemesTreeProvider;
  readonly studies: StudiesTreeProvider;
  readonly dragAndDrop: ThemesDragAndDrop;
  readonly filter: ViewFilter;
}

/**
 * Registers the QualSynth views (Themes, Studies), their drag and drop, the read-only
 * segments documents and the commands of their menus.
 * @param state Where the Studies view remembers its grouping.
 */
export function registerViews(session: ReviewSession, state: vscode.Memento): { api: ViewsApi; disposables: vscode.Disposable[] } {
  const filter = new ViewFilter();
  const themes = new ThemesTreeProvider(session, filter);
  const studies = new StudiesTreeProvider(session, filter, state);
  const dragAndDrop = new ThemesDragAndDrop(session);
  const themesView = themes.attach(vscode.window.createTreeView(THEMES_VIEW, { treeDataProvider: themes, dragAndDropController: dragAndDrop, showCollapseAll: true, canSelectMany: true }));
  const studiesView = studies.attach(vscode.window.createTreeView(STUDIES_VIEW, { treeDataProvider: studies, showCollapseAll: true, canSelectMany: true }));
  const lensOf = async () => {
    const loaded = await session.loaded();
    return loaded && themes.lens(loaded.review);
  };
  const segments = new SegmentsDocumentProvider(session, lensOf, themes.onDidChangeTreeData);
  session.whenLoaded((loaded) => vscode.commands.executeCommand('setContext', HAS_REVIEW_CONTEXT, loaded !== undefined));
  const disposables: vscode.Disposable[] = [
    // Always empty, so VS Code shows the view's welcome (New Review…, Open the Demo Review).
    vscode.window.registerTreeDataProvider<vscode.TreeItem>(WELCOME_VIEW, { getTreeItem: (item) => item, getChildren: () => [] }),
    themesView,
    studiesView,
    themes,
    studies,
    filter,
    segments,
    vscode.workspace.registerTextDocumentContentProvider(SEGMENTS_SCHEME, segments),
    ...registerCodebookCommands(session),
    ...registerSegmentCommands(session, lensOf),
    ...registerFilterCommands(session, filter, studies),
    registerRevealCode(session, themes, filter),
  ];
  return { api: { themes, studies, dragAndDrop, filter }, disposables };
}
