import * as vscode from 'vscode';
import { codingStripes, type StripeRun, type Study } from '../../core';

/** Most lanes drawn beside the text (they share the glyph margin's width). */
export const MAX_LANES = 4;

/** What was drawn in one editor (tests read it). */
export interface DrawnStripes {
  readonly runs: readonly StripeRun[];
  /** The colour of each code drawn. */
  readonly colours: ReadonlyMap<string, string>;
}

/**
 * Coding stripes: beside the text, in the glyph margin, a coloured bar per code of each
 * line (one lane per code, one colour per code within its theme's hue), so overlapping
 * codes show side by side. VS Code gives extension gutter icons no hover, so the codes
 * of a line are named by a hover on its first character, next to the stripe.
 */
export class StripeDecorations implements vscode.Disposable {
  /** One decoration type per look of a line (its lanes' colours). */
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();
  private readonly hoverType = vscode.window.createTextEditorDecorationType({});
  private readonly drawn = new WeakMap<vscode.TextEditor, DrawnStripes>();
  /** Looks drawn since the last `prune`. */
  private used = new Set<string>();

  /** Draws the stripes of `study` in `editor` (none when `enabled` is false). */
  draw(editor: vscode.TextEditor, study: Study, colours: ReadonlyMap<string, string>, enabled: boolean): void {
    const runs = enabled ? codingStripes(study, MAX_LANES) : [];
    const ranges = new Map<string, vscode.Range[]>();
    const hovers: vscode.DecorationOptions[] = [];
    const lastLine = editor.document.lineCount - 1;
    // Lanes share the margin's width: a study with fewer codes per line gets wider bars.
    const laneCount = Math.max(1, ...runs.map((run) => run.lanes.length));
    for (const run of runs) {
      if (run.startLine > lastLine) continue;
      const look = `${laneCount}:${lookOf(run, colours)}`;
      this.used.add(look);
      if (!this.types.has(look)) this.types.set(look, vscode.window.createTextEditorDecorationType({ gutterIconPath: stripeImage(run, colours, laneCount), gutterIconSize: '100% 100%' }));
      const end = editor.document.lineAt(Math.min(run.endLine, lastLine)).range.end;
      ranges.set(look, [...(ranges.get(look) ?? []), new vscode.Range(run.startLine, 0, end.line, end.character)]);
      for (let line = run.startLine; line <= Math.min(run.endLine, lastLine); line++) hovers.push({ range: new vscode.Range(line, 0, line, 1), hoverMessage: stripeHover(run, colours) });
    }
    for (const [look, type] of this.types) editor.setDecorations(type, ranges.get(look) ?? []);
    editor.setDecorations(this.hoverType, hovers);
    this.drawn.set(editor, { runs, colours });
  }

  /** Disposes the decoration types no editor drew since the last call (after a redraw of every visible editor). */
  prune(): void {
    for (const [look, type] of this.types) {
      if (this.used.has(look)) continue;
      type.dispose();
      this.types.delete(look);
    }
    this.used = new Set();
  }

  /** What was drawn in `editor` last. */
  drawnIn(editor: vscode.TextEditor): DrawnStripes | undefined {
    return this.drawn.get(editor);
  }

  dispose(): void {
    for (const type of this.types.values()) type.dispose();
    this.hoverType.dispose();
  }
}

/** The key of a run's look: its lanes' colours and the overflow mark. */
function lookOf(run: StripeRun, colours: ReadonlyMap<string, string>): string {
  return `${run.lanes.map((code) => (code === undefined ? '-' : colours.get(code) ?? '?')).join(',')}${run.overflow ? '+' : ''}`;
}

/**
 * An SVG stretched over each line of the run: a bar per lane (three quarters of the
 * lane's width, so neighbouring bars stay apart), a thin grey mark when there are more.
 */
function stripeImage(run: StripeRun, colours: ReadonlyMap<string, string>, laneCount: number): vscode.Uri {
  const width = laneCount * 4;
  const bars = run.lanes.map((code, lane) => (code === undefined ? '' : `<rect x="${lane * 4}" y="0" width="3" height="16" fill="${colours.get(code) ?? '#8c8c8c'}"/>`)).join('');
  const more = run.overflow ? `<rect x="${width - 1}" y="0" width="1" height="16" fill="#8c8c8c"/>` : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16" viewBox="0 0 ${width} 16" preserveAspectRatio="none">${bars}${more}</svg>`;
  return vscode.Uri.parse(`data:image/svg+xml;base64,${btoa(svg)}`);
}

/** The codes of a line, each with its stripe's colour. */
function stripeHover(run: StripeRun, colours: ReadonlyMap<string, string>): vscode.MarkdownString {
  const text = new vscode.MarkdownString(`**${vscode.l10n.t('Coding stripes')}**\n\n`);
  text.supportHtml = true;
  for (const code of run.codes) text.appendMarkdown(`<span style="color:${colours.get(code) ?? '#8c8c8c'};">■</span> `).appendText(`#${code}`).appendMarkdown('  \n');
  return text;
}
