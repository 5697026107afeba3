import * as vscode from 'vscode';
import type { ReviewIndex } from '../../core/reviewIndex';
import type { Theme } from '../../core/model';
import { toRange } from '../convert';
import type { ReviewSession } from '../reviewSession';
import type { DocumentSync } from './documentSync';

/** Number of themable palette colours (`qualsynth.theme1Background` …). */
export const PALETTE_SIZE = 8;
/** How long typing may pause before highlights are redrawn. */
const DEBOUNCE_MS = 100;

/**
 * Tints every coded passage in visible study editors with its theme's colour: a
 * `Colour:` from the codebook when the theme has one, else the theme's palette colour
 * (themable, declared in `contributes.colors`); uncategorised codes in grey.
 */
export class CodeDecorations implements vscode.Disposable {
  private readonly paletteTypes = Array.from({ length: PALETTE_SIZE }, (_, index) =>
    vscode.window.createTextEditorDecorationType({ backgroundColor: new vscode.ThemeColor(`qualsynth.theme${index + 1}Background`), rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed }),
  );
  private readonly uncategorisedType = vscode.window.createTextEditorDecorationType({ backgroundColor: new vscode.ThemeColor('qualsynth.uncategorisedBackground') });
  private readonly customTypes = new Map<string, vscode.TextEditorDecorationType>();
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Milliseconds the last redraw took (for the typing benchmark). */
  lastRedrawMs = 0;

  constructor(private readonly session: ReviewSession, private readonly sync: DocumentSync) {
    this.disposables.push(
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('qualsynth.highlightCodedPassages') && this.schedule()),
    );
    void session.ready.then((review) => {
      if (!review) return;
      this.disposables.push(review.index.onDidUpdate(() => this.schedule()));
      this.schedule();
    }, () => undefined);
  }

  /** Redraws now (tests and the benchmark call this instead of waiting). */
  async redraw(): Promise<void> {
    clearTimeout(this.timer);
    const started = performance.now();
    const enabled = vscode.workspace.getConfiguration('qualsynth').get<boolean>('highlightCodedPassages', true);
    for (const editor of vscode.window.visibleTextEditors) await this.decorate(editor, enabled);
    this.lastRedrawMs = performance.now() - started;
  }

  dispose(): void {
    clearTimeout(this.timer);
    [...this.paletteTypes, this.uncategorisedType, ...this.customTypes.values()].forEach((type) => type.dispose());
    this.disposables.forEach((disposable) => disposable.dispose());
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.redraw(), DEBOUNCE_MS);
  }

  private async decorate(editor: vscode.TextEditor, enabled: boolean): Promise<void> {
    const current = await this.sync.studyOf(editor.document);
    if (!current) return;
    const colours = themeColours(current.review.index);
    const ranges = new Map<vscode.TextEditorDecorationType, vscode.Range[]>();
    if (enabled) {
      for (const segment of current.study.segments) {
        const type = this.typeFor(colours.get(segment.codes[0]));
        ranges.set(type, [...(ranges.get(type) ?? []), toRange(segment.range)]);
      }
    }
    for (const type of [...this.paletteTypes, this.uncategorisedType, ...this.customTypes.values()]) editor.setDecorations(type, ranges.get(type) ?? []);
  }

  private typeFor(colour: ThemeColour | undefined): vscode.TextEditorDecorationType {
    if (!colour) return this.uncategorisedType;
    if (typeof colour === 'number') return this.paletteTypes[colour % PALETTE_SIZE];
    let type = this.customTypes.get(colour);
    if (!type) {
      type = vscode.window.createTextEditorDecorationType({ backgroundColor: withAlpha(colour) });
      this.customTypes.set(colour, type);
    }
    return type;
  }
}

/** A palette index or a CSS colour from the codebook. */
type ThemeColour = number | string;

/** The colour of each defined code: its first theme's, inherited from the top-level theme. */
export function themeColours(index: ReviewIndex): Map<string, ThemeColour> {
  const colours = new Map<string, ThemeColour>();
  const visit = (theme: Theme, inherited: ThemeColour): void => {
    const colour = theme.color && /^(#[0-9a-f]{3,8}|[a-z]+)$/i.test(theme.color) ? theme.color : inherited;
    for (const code of theme.codes) if (!colours.has(code)) colours.set(code, colour);
    theme.children.forEach((child) => visit(child, colour));
  };
  index.themes().forEach((theme, position) => visit(theme, position));
  return colours;
}

/** `#RRGGBB` → `#RRGGBB40` so text stays readable; other CSS colours pass unchanged. */
function withAlpha(colour: string): string {
  return /^#[0-9a-f]{6}$/i.test(colour) ? `${colour}40` : colour;
}
