import * as vscode from 'vscode';
import { compareText, findTheme, type Segment, segmentsMarkdown } from '../../core';
import type { ReviewSession } from '../reviewSession';
import { describeFilter, type ReviewLens } from './reviewLens';

/** URI scheme of the read-only "all segments" documents. */
export const SEGMENTS_SCHEME = 'qualsynth-segments';

/** What a segments document lists: one code's segments, or every segment of a theme. */
export type SegmentsSubject = { readonly code: string } | { readonly theme: readonly string[] };

/** The URI of a subject's document; its name ends in `.md`, so it opens as Markdown. */
export function segmentsUri(subject: SegmentsSubject): vscode.Uri {
  const name = 'code' in subject ? `#${subject.code}` : subject.theme[subject.theme.length - 1];
  return vscode.Uri.from({ scheme: SEGMENTS_SCHEME, path: `/${name.replace(/[/\\]/g, '∕')} — segments.md`, query: JSON.stringify(subject) });
}

/**
 * Serves `qualsynth-segments:` documents: the segments of a code or theme, one section
 * per study, as the views show them (same filter). Open documents follow the views'
 * refreshes.
 */
export class SegmentsDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /**
   * @param lensOf The views' lens of the loaded review.
   * @param refreshed Fires when the views redraw.
   */
  constructor(private readonly session: ReviewSession, private readonly lensOf: () => Promise<ReviewLens | undefined>, refreshed: vscode.Event<unknown>) {
    refreshed(() => {
      for (const document of vscode.workspace.textDocuments) if (document.uri.scheme === SEGMENTS_SCHEME) this.changed.fire(document.uri);
    });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const lens = await this.lensOf();
    if (!lens || !this.session.root) return 'No QualSynth review is open.\n';
    const subject = JSON.parse(uri.query) as SegmentsSubject;
    const filter = describeFilter(lens.filter);
    if ('code' in subject) {
      const definition = lens.index.getCode(subject.code)?.definition ?? '';
      return segmentsMarkdown({ title: `#${subject.code}`, about: definition, filter, segments: lens.segmentsOf(subject.code), citation: (path) => lens.citation(path) });
    }
    const theme = findTheme(lens.index.codebook, subject.theme);
    if (!theme) return `The codebook has no theme ${subject.theme.join(' › ')} any more.\n`;
    const about = theme.path.length > 1 ? theme.path.join(' › ') : theme.description.split('\n')[0] ?? '';
    const segments = themeSegments(lens, lens.index.codesOfTheme(theme));
    return segmentsMarkdown({ title: theme.title, about, filter, segments, citation: (path) => lens.citation(path) });
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The visible segments of several codes, once each, by study path then position. */
export function themeSegments(lens: ReviewLens, codes: readonly string[]): Segment[] {
  const unique = new Set<Segment>();
  for (const code of codes) for (const segment of lens.segmentsOf(code)) unique.add(segment);
  return [...unique].sort((a, b) => compareText(a.path, b.path) || a.range.start - b.range.start);
}
