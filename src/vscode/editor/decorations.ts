import * as vscode from 'vscode';
import { codeColours, type ReviewIndex, stripeColours, type ThemeColour } from '../../core';
import { toRange } from '../convert';
import type { ReviewSession, SettleSubscription } from '../reviewSession';
import { StripeDecorations, type DrawnStripes } from './stripes';

/** Number of themable palette colours (`qualsynth.theme1Background` …). */
export const PALETTE_SIZE = 8;
/** How long typing may pause before highlights are redrawn. */
const DEBOUNCE_MS = 100;

/**
 * Tints every coded passage in visible study editors with its theme's colour: a
 * `Colour:` from the codebook when the theme has one, else the theme's palette colour
 * (themable, declared in `contributes.colors`); uncategorised codes in grey. Draws the
 * coding stripes beside the text in the same pass.
 */
export class CodeDecorations implements vscode.Disposable {
  private readonly paletteTypes = Array.from({ length: PALETTE_SIZE }, (_, index) =>
    vscode.window.createTextEditorDecorationType({ backgroundColor: new vscode.ThemeColor(`qualsynth.theme${index + 1}Background`), rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed }),
  );
  private readonly uncategorisedType = vscode.window.createTextEditorDecorationType({ backgroundColor: new vscode.ThemeColor('qualsynth.uncategorisedBackground') });
  private readonly customTypes = new Map<string, vscode.TextEditorDecorationType>();
  private readonly stripes = new StripeDecorations();
  private readonly tints = new WeakMap<vscode.TextEditor, Map<string, vscode.Range[]>>();
  /** The colours of the index, computed once per redraw. */
  private passColours: { index: ReviewIndex; themes: Map<string, ThemeColour>; stripes: Map<string, string> } | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** Redraws after index updates, an editor shown or a setting changed, once they pause. */
  private readonly redrawSoon: SettleSubscription;
  /** Milliseconds the last redraw took (for the typing benchmark). */
  lastRedrawMs = 0;

  constructor(private readonly session: ReviewSession) {
    this.redrawSoon = session.onDidSettle(() => void this.redraw(), { quietMs: DEBOUNCE_MS });
    this.disposables.push(
      this.redrawSoon,
      vscode.window.onDidChangeVisibleTextEditors(() => this.redrawSoon.trigger()),
      vscode.workspace.onDidChangeConfiguration((event) => (event.affectsConfiguration('qualsynth.highlightCodedPassages') || event.affectsConfiguration('qualsynth.codingStripes')) && this.redrawSoon.trigger()),
    );
  }

  /** Redraws now (tests and the benchmark call this instead of waiting). */
  async redraw(): Promise<void> {
    this.redrawSoon.cancel();
    const started = performance.now();
    const settings = vscode.workspace.getConfiguration('qualsynth');
    const enabled = { tints: settings.get<boolean>('highlightCodedPassages', true), stripes: settings.get<boolean>('codingStripes', true) };
    this.passColours = undefined;
    for (const editor of vscode.window.visibleTextEditors) await this.decorate(editor, enabled);
    this.stripes.prune();
    this.lastRedrawMs = performance.now() - started;
  }

  /** What was drawn in `editor` last: tinted ranges by colour (`theme1`…, a CSS colour, `uncategorised`) and the stripes (tests). */
  drawnIn(editor: vscode.TextEditor): DrawnDecorations {
    return { tints: this.tints.get(editor) ?? new Map(), stripes: this.stripes.drawnIn(editor) };
  }

  dispose(): void {
    [...this.paletteTypes, this.uncategorisedType, ...this.customTypes.values()].forEach((type) => type.dispose());
    this.stripes.dispose();
    this.disposables.forEach((disposable) => disposable.dispose());
  }

  private async decorate(editor: vscode.TextEditor, enabled: { tints: boolean; stripes: boolean }): Promise<void> {
    const current = await this.session.studyOf(editor.document);
    if (!current) return;
    const { themes: colours, stripes } = this.coloursOf(current.review.index);
    this.stripes.draw(editor, current.study, stripes, enabled.stripes);
    const ranges = new Map<vscode.TextEditorDecorationType, vscode.Range[]>();
    const drawn = new Map<string, vscode.Range[]>();
    if (enabled.tints) {
      for (const segment of current.study.segments) {
        const type = this.typeFor(colours.get(segment.codes[0]));
        ranges.set(type, [...(ranges.get(type) ?? []), toRange(segment.range)]);
        const name = this.nameOf(type);
        drawn.set(name, [...(drawn.get(name) ?? []), toRange(segment.range)]);
      }
    }
    this.tints.set(editor, drawn);
    for (const type of [...this.paletteTypes, this.uncategorisedType, ...this.customTypes.values()]) editor.setDecorations(type, ranges.get(type) ?? []);
  }

  private coloursOf(index: ReviewIndex): { themes: Map<string, ThemeColour>; stripes: Map<string, string> } {
    if (this.passColours?.index !== index) {
      const themes = codeColours(index.themes());
      this.passColours = { index, themes, stripes: stripeColours(index.codes().map((code) => code.name), themes) };
    }
    return this.passColours;
  }

  /** The name of a tint's type: `theme1` … `theme8`, `uncategorised`, or the CSS colour. */
  private nameOf(type: vscode.TextEditorDecorationType): string {
    const palette = this.paletteTypes.indexOf(type);
    if (palette >= 0) return `theme${palette + 1}`;
    if (type === this.uncategorisedType) return 'uncategorised';
    return [...this.customTypes].find(([, custom]) => custom === type)?.[0] ?? 'unknown';
  }

  private typeFor(colour: ThemeColour | undefined): vscode.TextEditorDecorationType {
    // Palette colour 0 is the first top-level theme's, not "no colour".
    if (colour === undefined) return this.uncategorisedType;
    if (typeof colour === 'number') return this.paletteTypes[colour % PALETTE_SIZE];
    let type = this.customTypes.get(colour);
    if (!type) {
      type = vscode.window.createTextEditorDecorationType({ backgroundColor: withAlpha(colour) });
      this.customTypes.set(colour, type);
    }
    return type;
  }
}

/** What an editor shows (tests read it through the extension's API). */
export interface DrawnDecorations {
  readonly tints: ReadonlyMap<string, readonly vscode.Range[]>;
  readonly stripes: DrawnStripes | undefined;
}


/** `#RRGGBB` → `#RRGGBB40` so text stays readable; other CSS colours pass unchanged. */
function withAlpha(colour: string): string {
  return /^#[0-9a-f]{6}$/i.test(colour) ? `${colour}40` : colour;
}
