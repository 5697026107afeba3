/**
 * The text of a codebook list item after its `#code` tag: an optional display name in
 * bold (`- #low-pay **Low pay and hours**: definition…`), the name people gave the
 * code in NVivo, MAXQDA or ATLAS.ti, and the definition, which may run over several
 * lines (a line ending in `\` is a hard line break, kept; other line breaks are
 * spaces, as Markdown renders them). Older QualSynth read the bold name as the start
 * of the definition, so nothing is lost there.
 */
import { unescapeMarkdown } from './text/markdownUnescape';

/** What follows a definition's tag. */
export interface DefinitionItem {
  /** The display name, escapes resolved, or `undefined` when there is none. */
  readonly displayName?: string;
  /** The definition on one line, as written (the flat form hovers and reports show). */
  readonly definition: string;
  /** The definition as its reader sees it: escapes resolved, hard line breaks kept. */
  readonly plainDefinition: string;
}

const displayName = /^[ \t]*\*\*((?:\\.|[^\\*\n]|\*(?!\*))+?)\*\*(?!\*)/;
const separator = /^\s*[:—–-]?\s*/;

/** Reads the text after a definition's tag (`rest`: the item's lines joined with `\n`). */
export function readDefinitionItem(rest: string): DefinitionItem {
  const named = displayName.exec(rest);
  const body = (named ? rest.slice(named[0].length) : rest).replace(separator, '');
  const lines = body.split('\n');
  let flat = '';
  let plain = '';
  lines.forEach((line, index) => {
    const last = index === lines.length - 1;
    const hardBreak = !last && endsInHardBreak(line);
    const content = hardBreak ? line.slice(0, -1) : line;
    flat += `${content} `;
    plain += unescapeMarkdown(content.trim()) + (last ? '' : hardBreak ? '\n' : ' ');
  });
  return {
    displayName: named ? unescapeMarkdown(named[1]).trim() : undefined,
    definition: flat.replace(/\s+/g, ' ').trim(),
    plainDefinition: plain.replace(/[ \t]+\n/g, '\n').trim(),
  };
}

/** An odd number of backslashes at the end of a line: the last one is a hard line break. */
function endsInHardBreak(line: string): boolean {
  let count = 0;
  while (line.charCodeAt(line.length - 1 - count) === 92) count++;
  return count % 2 === 1;
}

/** `**name**` for a definition item, with the characters that would end the bold escaped. */
export function displayNameMarkdown(name: string): string {
  return `**${name.replace(/\s+/g, ' ').trim().replace(/[\\*`[\]<]/g, (char) => `\\${char}`)}**`;
}
