/**
 * Which colour a code is shown in (editor tints, coding stripes, the Markdown preview):
 * its first theme's, a sub-theme inheriting its top-level theme's unless it names its
 * own. A domain rule, so it lives here and the adapters only turn it into their colours.
 */
import type { Theme } from './model';

/** A theme's colour: a palette index (its top-level theme's place) or a CSS colour from the codebook. */
export type ThemeColour = number | string;

/** A `Colour:` the codebook may give a theme: a hex colour or a CSS colour name. */
const CSS_COLOUR = /^(#[0-9a-f]{3,8}|[a-z]+)$/i;

/**
 * The colour of each defined code, from the codebook's themes in order: the first
 * theme a code is filed under decides; top-level theme `n` has palette colour `n`.
 */
export function codeColours(themes: readonly Theme[]): Map<string, ThemeColour> {
  const colours = new Map<string, ThemeColour>();
  const visit = (theme: Theme, inherited: ThemeColour): void => {
    const colour = theme.color && CSS_COLOUR.test(theme.color) ? theme.color : inherited;
    for (const code of theme.codes) if (!colours.has(code)) colours.set(code, colour);
    theme.children.forEach((child) => visit(child, colour));
  };
  themes.forEach((theme, position) => visit(theme, position));
  return colours;
}
