import { codeColours, type Review, type ThemeColour } from '../../core';
import type { ReviewSession } from '../reviewSession';

/**
 * The theme colour of each code for the Markdown preview, the editor's own rule
 * (`codeColours`), recomputed after index updates. The preview renders synchronously,
 * so this answers from what it last computed.
 */
export class PreviewColours {
  private review: Review | undefined;
  private colours: Map<string, ThemeColour> | undefined;
  private readonly listener: { dispose(): void };

  constructor(session: ReviewSession) {
    void session.loaded().then((loaded) => (this.review = loaded?.review));
    this.listener = session.onDidUpdate(() => (this.colours = undefined));
  }

  /** A code's theme colour: palette index, CSS colour, or `undefined` (uncategorised or not loaded). */
  of(code: string): ThemeColour | undefined {
    if (!this.review) return undefined;
    this.colours ??= codeColours(this.review.index.themes());
    return this.colours.get(code);
  }

  dispose(): void {
    this.listener.dispose();
  }
}
