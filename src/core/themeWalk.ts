import type { Theme } from './model';

/** Every theme of `themes` and their sub-themes, depth first in codebook order. */
export function everyTheme(themes: readonly Theme[]): Theme[] {
  return themes.flatMap((theme) => [theme, ...everyTheme(theme.children)]);
}
