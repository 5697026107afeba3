/**
 * Small, hostile Markdown documents for the differential test: every block kind the
 * scanner splits (quotes, lists, headings, fences, indented code, HTML comments,
 * breaks, definitions, lazy lines) filled with inline pieces that are or are not tags
 * (spans, nested and broken; `C#`, `\#x`, entities, code spans, HTML, URLs, links).
 */
import { Random } from '../../bench/random';

/** The choices a document is made from: a seeded `Random`, or fast-check's (see below). */
export interface Choices {
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/**
 * Choices read from a list of numbers, so fast-check can generate and shrink the list:
 * shorter lists and smaller numbers give fewer, simpler blocks (missing numbers are 0).
 */
export class ChoiceList implements Choices {
  private next = 0;

  constructor(private readonly numbers: readonly number[]) {}

  private take(): number {
    return this.numbers[this.next++] ?? 0;
  }

  int(min: number, max: number): number {
    return min + (this.take() % (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.take() % items.length];
  }

  chance(p: number): boolean {
    return this.take() % 1000 >= (1 - p) * 1000;
  }
}

/** Inline pieces: tags, near-tags and the Markdown around them. */
const INLINE = [
  'word', 'the', 'peer', 'support.', 'staff,', '#code', '#Code/sub', '#ünï', '#caf\u0065\u0301', '#1', '#a.', '#a-', '#a/', '##two',
  'C#', 'x#y', '\\#esc', '\\\\#real', '&#x27;', '&#39;', '&#xZZ;', '&amp;#x41;', '`#c`', '`` a ` #b ``', '`unclosed', '<b>',
  '</b>', '<span title="#x">', '<!-- #c -->', 'https://x.org/a#frag', '(https://x.org/a#p)', 'www.x.org/p#a', '<http://y#z>',
  '[link](http://x#y)', '[link #t](u)', '[ref]', '[', ']', ']{#a}', ']{#a #b coder="x"}', ']{.class}', '{#a}', '[x]{#a}',
  '[x]{#a memo="m #n"}', '[outer [inner]{#a} more]{#b}', '[x]{#bad!}', '[x]{}', '[x]{#a', '*em #e*', '**#s**', '_u_', '~~del #d~~',
  'foo@bar.com', '[a]{#a}[b]{#b}', '#a#b', '(#paren)', '"#quoted"', '#a,', '#tag*', '#日本語', '#Ωmega',
];

const FENCES = ['```', '~~~', '````'];

/** A document of 1–12 blocks, deterministic for a seed or a list of choices. */
export function adversarialMarkdown(source: number | Choices): string {
  const random = typeof source === 'number' ? new Random(source) : source;
  const blocks: string[] = [];
  if (random.chance(0.3)) blocks.push(`---\nid: s${random.int(1, 999)}\ntags: "#not-a-tag"\n---`);
  for (let i = random.int(typeof source === 'number' ? 3 : 1, 12); i > 0; i--) blocks.push(block(random));
  // remark-frontmatter misreads a document that starts with an unclosed `---` (the next
  // line becomes a paragraph whatever it holds); front matter is tested on its own.
  if (blocks[0].startsWith('---') || blocks[0].startsWith('- - -')) blocks.unshift('word');
  return blocks.join(random.chance(0.7) ? '\n\n' : '\n');
}

/** Raw HTML that would open an HTML block at the start of a line (see the test). */
const HTML_START = /^<\/?[A-Za-z]/;
/** Bare URLs and e-mail addresses: GFM ends them only at a space, the scanner also at brackets. */
const BARE_ADDRESS = /(?:\/\/|www\.|@)[^ ]*$/;
/** Emphasis run into a tag (`#a._u_`): the scanner reads one name, CommonMark emphasis. */
const EMPHASIS = /^_|_$/;

/** Pieces joined by spaces or run together; a bare address always has spaces around it. */
function inline(random: Choices, min = 1, max = 10): string {
  const glue = random.chance(0.85) ? ' ' : '';
  let out = '';
  for (let i = random.int(min, max); i > 0; i--) {
    let piece = random.pick(INLINE);
    if (!out && HTML_START.test(piece)) piece = `word ${piece}`;
    out += `${out && (glue || BARE_ADDRESS.test(out) || BARE_ADDRESS.test(piece) || EMPHASIS.test(piece) ? ' ' : '')}${piece}`;
  }
  return out;
}

function lines(random: Choices, prefix: string, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(`${i > 0 && random.chance(0.2) ? '' : prefix}${inline(random)}`);
  return out.join('\n');
}

/** A GitHub table (header, delimiter, body rows; cells of inline pieces), maybe in a quote or list item, maybe followed by a line that may end it. */
function table(random: Choices): string {
  const columns = random.int(1, 3);
  const lead = random.chance(0.7);
  const trail = random.chance(0.6);
  const row = (cells: number): string => {
    const parts: string[] = [];
    for (let i = 0; i < cells; i++) parts.push(inline(random, 0, 3));
    return `${lead ? '| ' : ''}${parts.join(' | ')}${trail ? ' |' : ''}`;
  };
  const delimiter = Array.from({ length: columns }, () => random.pick(['---', ':-:', '--:', ':--', '-'])).join(' | ');
  const lines = [row(columns), lead || columns === 1 ? `| ${delimiter} |` : delimiter];
  for (let i = random.int(0, 3); i > 0; i--) lines.push(row(random.int(Math.max(1, columns - 1), columns + 1)));
  const prefix = random.pick(['', '', '> ', '- ']);
  // `<div>`, not `<span>`: as a lazy line micromark opens an HTML block with `<span>`, where commonmark.js (and the spec) continue the paragraph.
  if (random.chance(0.4)) lines.push(random.pick(['2. item #i', '    code #c', '> quote #q', 'plain #p', '<div>', '- item', '===', '---', 'x | y']));
  // Only body rows may lose their `> ` (lazy lines): a lazy delimiter row is refused by both, but micromark then ends the paragraph.
  const text = lines.map((line, index) => (prefix === '- ' && index > 0 ? `  ${line}` : prefix === '> ' && index > 1 && random.chance(0.1) ? line : `${prefix}${line}`)).join('\n');
  // A blank line after a table in a container: micromark reads a delimiter row on the
  // next lines as that ended table's row (a quirk GitHub does not share), see the test.
  return prefix === '' ? text : `${text}\n`;
}

function block(random: Choices): string {
  switch (random.int(0, 15)) {
    case 15:
      return table(random);
    case 0:
      return lines(random, '', random.int(1, 3));
    case 1:
      return `${inline(random)}\n${random.pick(['2) ', '2005. ', '1. ', '- ', '2.'])}${inline(random, 0, 4)}`;
    case 2:
      return `${lines(random, random.pick(['> ', '>', '> > ']), random.int(1, 3))}${random.chance(0.5) ? `\n> ${inline(random, 1, 3)}` : ''}`;
    case 3:
      // No item numbered from 2 here: after indented code micromark reads `2)` as a
      // paragraph, where CommonMark (and markdown-it) reads a list. Case 1 has them
      // where they cannot interrupt a paragraph.
      return `${random.pick(['- ', '* ', '1. ', '1) ', '-   '])}${inline(random)}${random.chance(0.5) ? `\n${random.pick(['  ', '   ', ''])}${inline(random)}` : ''}`;
    case 4:
      return `${'#'.repeat(random.int(1, 3))} ${inline(random, 1, 4)}${random.chance(0.2) ? ' ##' : ''}`;
    case 5:
      return `${inline(random, 1, 4)}\n${random.pick(['===', '---'])}`;
    case 6: {
      const fence = random.pick(FENCES);
      return `${fence}${random.pick(['', 'r', ' md'])}\n${inline(random)}\n${random.chance(0.8) ? fence : ''}`;
    }
    case 7:
      return `    ${inline(random)}`;
    case 8:
      return random.chance(0.5) ? `<!-- ${inline(random)}\n${inline(random)} -->` : `<!-- ${inline(random)} -->`;
    case 9:
      return random.pick(['***', '---', '- - -', '___']);
    case 10:
      return inline(random, 1, 3).replace(/^/, '#code ') + (random.chance(0.5) ? ' #other' : '');
    case 11:
      return `[${random.pick(['ref', 'x', '1'])}]: http://example.org/a#b${random.chance(0.3) ? ' "title #t"' : ''}`;
    case 12:
      return `${' '.repeat(random.int(1, 3))}${inline(random)}`;
    case 13:
      return `- ${inline(random, 1, 4)}\n\n  ${inline(random, 1, 4)}`;
    default:
      return `> ${inline(random)}\n${random.pick(['> ', '', '>'])}#tag-line ${random.pick(['#two', '', '#x/y'])}`;
  }
}
