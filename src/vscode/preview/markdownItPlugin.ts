/**
 * A markdown-it plugin for VS Code's built-in Markdown preview (contributed through
 * `markdown.markdownItPlugins`): coded spans render as highlighted text followed by small
 * code chips, block tags as chips, and the raw brackets and braces disappear. It runs the
 * same inline scanner as the index (with the document's link definitions), so what is
 * highlighted is exactly what is coded; a table row with a tag in a cell, which the tag
 * codes whole, is tinted.
 */
import { scanInline } from '../../core/syntax/inline';
import { LinkDefinitions } from '../../core/syntax/linkDefinitions';

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
export function qualsynthMarkdownIt<T extends MarkdownItLike>(md: T): T {
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
      token.content = renderTags(token.content, definitions);
    }
  });
  return md;
}

const chip = (code: string): string => `<span class="qualsynth-chip">#${code}</span>`;

/** Rewrites one inline source: spans become `<mark>` + chips, bare tags become chips. */
export function renderTags(content: string, definitions?: LinkDefinitions): string {
  const { spans, bareTags } = scanInline(content, { definitions });
  if (spans.length === 0 && bareTags.length === 0) return content;
  const replacements: Array<{ start: number; end: number; text: string }> = [];
  for (const span of spans) {
    const codes = span.tags.map((tag) => tag.code);
    replacements.push({ start: span.open, end: span.open + 1, text: `<mark class="qualsynth-span" title="${codes.map((code) => `#${code}`).join(' ')}">` });
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
