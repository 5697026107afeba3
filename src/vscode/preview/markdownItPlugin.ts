/**
 * A markdown-it plugin for VS Code's built-in Markdown preview (contributed through
 * `markdown.markdownItPlugins`): coded spans render as highlighted text followed by small
 * code chips, block tags as chips, and the raw brackets and braces disappear. It runs the
 * same inline scanner as the index (with the document's link definitions), so what is
 * highlighted is exactly what is coded; a table row with a tag in a cell, which the tag
 * codes whole, is tinted. Each span is tinted as the editor tints it: its first code's
 * theme colour, through the same themable colours (`--vscode-qualsynth-themeNBackground`)
 * or the codebook's `Colour:`.
 */
import { LinkDefinitions, scanInline } from '../../core';

/** A code's theme colour: a palette index, a CSS colour, or `undefined` (uncategorised). */
export type ColourOf = (code: string) => number | string | undefined;

/** Number of themable palette colours (`qualsynth.theme1Background` …). */
const PALETTE_SIZE = 8;

/** The parts of a markdown-it token this plugin uses. */
interface TokenLike {
  type: string;
  content: string;
  attrJoin(name: string, value: string): void;
}

/** The parts of markdown-it this plugin uses. */
interface MarkdownItLike {
  core: { ruler: { after(after: string, name: string, rule: (state: { tokens: TokenLike[]; env?: { references?: Record<string, unknown> } }) => void): void } };
}

/** Registers the rule; returns the same instance, as markdown-it plugins do. */
export function qualsynthMarkdownIt<T extends MarkdownItLike>(md: T, colourOf: ColourOf = () => undefined): T {
  md.core.ruler.after('block', 'qualsynth_tags', (state) => {
    // markdown-it keys its definitions by the same normalised label as CommonMark.
    const definitions = new LinkDefinitions(state.env?.references ?? {});
    let row: TokenLike | undefined;
    for (const token of state.tokens) {
      if (token.type === 'tr_open') row = token;
      else if (token.type === 'tr_close') row = undefined;
      if (token.type !== 'inline' || !token.content.includes('#')) continue;
      const { spans, bareTags } = scanInline(token.content, { definitions });
      if (row && bareTags.some((tag) => !spans.some((span) => span.open < tag.start && tag.start < span.end))) {
        row.attrJoin('class', 'qualsynth-coded-row');
        row = undefined;
      }
      token.content = renderTags(token.content, definitions, colourOf);
    }
  });
  return md;
}

const chip = (code: string): string => `<span class="qualsynth-chip">#${code}</span>`;

/** Rewrites one inline source: spans become `<mark>` + chips, bare tags become chips. */
export function renderTags(content: string, definitions?: LinkDefinitions, colourOf: ColourOf = () => undefined): string {
  const { spans, bareTags } = scanInline(content, { definitions });
  if (spans.length === 0 && bareTags.length === 0) return content;
  const replacements: Array<{ start: number; end: number; text: string }> = [];
  for (const span of spans) {
    const codes = span.tags.map((tag) => tag.code);
    replacements.push({ start: span.open, end: span.open + 1, text: `<mark ${tint(colourOf(codes[0]))} title="${codes.map((code) => `#${code}`).join(' ')}">` });
    replacements.push({ start: span.close, end: span.end, text: `</mark>${codes.map(chip).join('')}` });
  }
  for (const tag of bareTags) replacements.push({ start: tag.start, end: tag.end, text: chip(tag.code) });
  replacements.sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const replacement of replacements) {
    out += content.slice(cursor, replacement.start) + replacement.text;
    cursor = replacement.end;
  }
  return out + content.slice(cursor);
}

/**
 * The mark's class (and style, for a codebook `Colour:`), as the editor tints: palette
 * colour N+1, the codebook's colour at the editor's alpha, or grey for uncategorised.
 */
export function tint(colour: number | string | undefined): string {
  if (colour === undefined) return 'class="qualsynth-span qualsynth-uncategorised"';
  if (typeof colour === 'number') return `class="qualsynth-span qualsynth-theme-${(colour % PALETTE_SIZE) + 1}"`;
  // Only colours the codebook parser accepted get here (`#hex` or a name): safe in an attribute.
  const css = /^#[0-9a-f]{6}$/i.test(colour) ? `${colour}40` : colour;
  return /^(#[0-9a-f]{3,8}|[a-z]+)$/i.test(css) ? `class="qualsynth-span" style="background-color: ${css}"` : 'class="qualsynth-span"';
}
