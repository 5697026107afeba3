/**
 * The text a reader sees of Markdown inline content, for excerpts: backslash escapes
 * resolved (`\[sic\]` reads `[sic]`), entity and character references decoded
 * (`&amp;`, `&#233;`), code spans without their backticks. Emphasis markers, links and
 * raw HTML are left as written.
 */
import { characterEntities } from 'character-entities';
import { ASCII_PUNCTUATION, backtickSpanEnd } from './markdownUnescape';

const reference = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/;

/** The rendered text of inline Markdown (see the module comment). */
export function renderedText(markdown: string): string {
  if (!/[\\`&]/.test(markdown)) return markdown;
  let out = '';
  for (let offset = 0; offset < markdown.length; ) {
    const char = markdown[offset];
    if (char === '\\' && ASCII_PUNCTUATION.test(markdown[offset + 1] ?? '')) {
      out += markdown[offset + 1];
      offset += 2;
    } else if (char === '`') {
      const end = backtickSpanEnd(markdown, offset);
      out += codeSpanText(markdown, offset, end);
      offset = end;
    } else if (char === '&') {
      const [text, length] = characterReference(markdown.slice(offset, offset + 40));
      out += text;
      offset += length;
    } else {
      out += char;
      offset++;
    }
  }
  return out;
}

/** A code span's content as CommonMark shows it; an unclosed run of backticks is literal. */
function codeSpanText(markdown: string, start: number, end: number): string {
  let runEnd = start;
  while (markdown.charCodeAt(runEnd) === 96) runEnd++;
  if (end === runEnd) return markdown.slice(start, end);
  const content = markdown.slice(runEnd, end - (runEnd - start)).replace(/\r?\n/g, ' ');
  return /^ .*[^ ].* $/s.test(content) ? content.slice(1, -1) : content;
}

/** The character a reference at the start of `text` stands for, and its length; `&` alone otherwise. */
export function characterReference(text: string): [string, number] {
  const match = reference.exec(text);
  if (!match) return ['&', 1];
  const [whole, decimal, hex, name] = match;
  if (name !== undefined) {
    return Object.hasOwn(characterEntities, name) ? [characterEntities[name], whole.length] : ['&', 1];
  }
  const point = Number.parseInt(decimal ?? hex, decimal ? 10 : 16);
  const valid = point > 0 && point <= 0x10ffff && !(point >= 0xd800 && point <= 0xdfff);
  return [valid ? String.fromCodePoint(point) : '\uFFFD', whole.length];
}
