import * as vscode from 'vscode';
import { quotesMarkdown, type Segment } from '../../core';
import { codeArgument } from '../codeArgument';
import type { ReviewSession } from '../reviewSession';
import type { ReviewLens } from './reviewLens';
import { segmentsUri, themeSegments, type SegmentsSubject } from './segmentsDocument';
import type { ViewItem } from './treeItems';
import { isViewItem, itemsOf } from '../viewArguments';
import { registerReviewCommand } from '../reviewCommand';

/**
 * Registers Copy Quotes (Markdown with citations to the clipboard) and Show All Segments
 * (a read-only document beside the editor), for codes, themes and segments.
 */
export function registerSegmentCommands(session: ReviewSession, lensOf: () => Promise<ReviewLens | undefined>): vscode.Disposable[] {
  return [
    registerReviewCommand(session, 'qualsynth.copyQuotes', async (review, _root, argument, selected) => {
      const lens = await lensOf();
      if (!lens) return undefined;
      const items = itemsOf(argument, selected);
      const code = items.length === 0 ? await codeArgument(review, session, argument, vscode.l10n.t('Code whose quotes to copy')) : undefined;
      const segments = code ? lens.segmentsOf(code) : unique(items.flatMap((item) => segmentsOfItem(lens, item)));
      if (segments.length === 0) return void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: no segments to copy.'));
      const markdown = quotesMarkdown(segments, (path) => lens.citation(path));
      await vscode.env.clipboard.writeText(markdown);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('QualSynth: copied {0} quotes with citations.', segments.length), 4000);
      return markdown;
    }),
    registerReviewCommand(session, 'qualsynth.showAllSegments', async (review, _root, argument) => {
      const subject = await subjectOf(argument, () => codeArgument(review, session, argument, vscode.l10n.t('Code whose segments to show')));
      if (!subject) return undefined;
      const document = await vscode.workspace.openTextDocument(segmentsUri(subject));
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: false });
      return document;
    }),
  ];
}

/** The segments an item stands for: its own, a code's (in its study, under the Studies view), a theme's. */
function segmentsOfItem(lens: ReviewLens, item: ViewItem): readonly Segment[] {
  switch (item.kind) {
    case 'segment':
      return [item.segment];
    case 'code': {
      const study = item.study && lens.index.getStudy(item.study.path);
      return study ? lens.segmentsOfStudy(study, item.code) : lens.segmentsOf(item.code);
    }
    case 'theme':
      return themeSegments(lens, lens.index.codesOfTheme(item.theme));
    default:
      return [];
  }
}

/** What to show for an argument: a theme item's theme, else a code (asked for when not given). */
async function subjectOf(argument: unknown, askCode: () => Promise<string | undefined>): Promise<SegmentsSubject | undefined> {
  if (isViewItem(argument) && argument.kind === 'theme') return { theme: argument.themePath };
  if (isViewItem(argument) && argument.kind === 'segment') return { code: argument.parent.code };
  const code = await askCode();
  return code ? { code } : undefined;
}

function unique(segments: readonly Segment[]): Segment[] {
  return [...new Set(segments)];
}
