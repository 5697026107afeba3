/**
 * Writes one synthetic study file: front matter, then findings made of headings,
 * paragraphs with span tags (some nested, some across lines, some with `coder="…"`),
 * bare block tags, quotations with a tag line under them, lists, and the noise that
 * must not be read as tags (inline code, URLs, `C#`, entities, comments, code fences).
 * A coded segment comes every ~300–600 characters, as in real coded studies.
 */
import type { Random } from './random';
import {
  CASP_ANSWERS, CASP_KEYS, COUNTRIES, DESIGNS, INLINE_NOISE, PERSPECTIVES, SPEAKERS, SURNAMES, authorSentence, quoteWords,
} from './vocabulary';

/** What a study is generated from. */
export interface StudyOptions {
  readonly index: number;
  /** Target size in bytes (approximately; the last block may overshoot). */
  readonly size: number;
  /** Codes used in tags (the codebook's, plus a few undefined ones). */
  readonly codes: readonly string[];
}

const WRAP = 78;

/** The text of one study. */
export function generateStudy(random: Random, options: StudyOptions): string {
  const writer = new StudyWriter(random, options.codes);
  const parts = [frontMatter(random, options.index), '## Findings\n'];
  let length = parts.join('\n').length;
  while (length < options.size) {
    const block = writer.block();
    parts.push(block);
    length += block.length + 1;
  }
  return `${parts.join('\n')}`;
}

function frontMatter(random: Random, index: number): string {
  const authors = random.sample(SURNAMES, random.int(1, 4)).map((name) => `${name} ${String.fromCharCode(65 + random.int(0, 25))}`);
  const year = random.int(1995, 2022);
  const surname = authors[0].slice(0, authors[0].lastIndexOf(' ')).normalize('NFD').toLowerCase().replace(/[^a-z]/g, '');
  const id = `${surname}-${year}-${index}`;
  const casp = CASP_KEYS.map((key) => `  ${key}: ${random.pick(CASP_ANSWERS)}`);
  return [
    '---',
    `id: ${id}`,
    `citation: "${authors.join(', ')}. Study ${index} of peer support in mental health services. ${year}."`,
    `authors: [${authors.map((author) => (author.includes("'") ? `"${author}"` : author)).join(', ')}]`,
    `year: ${year}`,
    `country: ${random.pick(COUNTRIES)}`,
    `design: ${random.pick(DESIGNS)}`,
    `perspective: [${random.sample(PERSPECTIVES, random.int(1, 2)).join(', ')}]`,
    `participants: ${random.int(6, 60)}`,
    'casp:',
    ...casp,
    '---',
    '',
  ].join('\n');
}

class StudyWriter {
  private themeNumber = 0;

  constructor(private readonly random: Random, private readonly codes: readonly string[]) {}

  /** One block (with its trailing blank line): the mix of a findings section. */
  block(): string {
    const roll = this.random.next();
    if (roll < 0.07) return `### ${this.heading()}\n`;
    if (roll < 0.5) return this.paragraph();
    if (roll < 0.78) return this.quotation();
    if (roll < 0.9) return this.list();
    if (roll < 0.94) return this.codeFence();
    if (roll < 0.97) return '<!-- #todo second coder to check this section\n     against the transcript -->\n';
    return `${this.paragraph()}\n[${this.random.int(1, 9)}]: https://doi.org/10.1000/ref${this.random.int(1, 99)}#page-4\n`;
  }

  private heading(): string {
    this.themeNumber++;
    return `Theme ${this.themeNumber}: ${authorSentence(this.random, 3, 6).join(' ').replace(/[.;]$/, '')}`;
  }

  private tags(min: number, max: number): string {
    return this.random.sample(this.codes, this.random.int(min, max)).map((code) => `#${code}`).join(' ');
  }

  /** A brace group: codes, sometimes a coder or memo attribute. */
  private brace(): string {
    const attributes = this.random.chance(0.15) ? ` coder="${this.random.pick(['jb', 'mw', 'ak'])}"` : '';
    const memo = this.random.chance(0.03) ? ' memo="authors\' reading"' : '';
    return `{${this.tags(1, 3)}${attributes}${memo}}`;
  }

  /** Words of 2–4 sentences with one or two spans (sometimes nested) and noise. */
  private codedWords(sentences: number): string[] {
    const words: string[] = [];
    for (let i = 0; i < sentences; i++) {
      const sentence = authorSentence(this.random);
      if (this.random.chance(0.3)) this.addSpan(sentence);
      if (this.random.chance(0.25)) sentence.splice(this.random.int(1, sentence.length - 1), 0, this.random.pick(INLINE_NOISE));
      words.push(...sentence);
    }
    return words;
  }

  /** Wraps a run of a sentence's words (never its last) in a span, maybe nested. */
  private addSpan(words: string[]): void {
    const first = this.random.int(0, words.length - 3);
    const last = this.random.int(first + 1, Math.min(words.length - 2, first + 14));
    if (this.random.chance(0.15) && last - first >= 3) {
      const innerFirst = this.random.int(first, last - 1);
      const innerLast = this.random.int(innerFirst, last - 1);
      words[innerFirst] = `[${words[innerFirst]}`;
      words[innerLast] = `${words[innerLast]}]${this.brace()}`;
    }
    words[first] = `[${words[first]}`;
    words[last] = `${words[last]}]${this.brace()}`;
  }

  private paragraph(): string {
    const words = this.codedWords(this.random.int(2, 5));
    if (this.random.chance(0.15)) words.push(this.tags(1, 2));
    return `${wrap(words, '')}\n`;
  }

  /** A quotation, then its codes: on a `>` line, a lazy line, or a paragraph after it. */
  private quotation(): string {
    const words = quoteWords(this.random);
    if (this.random.chance(0.2)) {
      const first = this.random.int(1, words.length - 3);
      words[first] = `[${words[first]}`;
      words[first + 2] = `${words[first + 2]}]${this.brace()}`;
    }
    words.push(`(${this.random.pick(SPEAKERS)} ${this.random.int(1, 30)})`);
    const quote = wrap(words, '> ');
    const tagLine = this.tags(1, 3);
    const style = this.random.next();
    if (style < 0.6) return `${quote}\n> ${tagLine}\n`;
    if (style < 0.75) return `${quote}\n${tagLine}\n`;
    if (style < 0.85) return `${quote}\n\n${tagLine}\n`;
    return `${quote}\n`;
  }

  private list(): string {
    const items: string[] = [];
    for (let i = this.random.int(2, 4); i > 0; i--) {
      const words = authorSentence(this.random, 6, 16);
      if (this.random.chance(0.3)) words.push(this.tags(1, 1));
      else if (this.random.chance(0.2)) this.addSpan(words);
      items.push(wrap(words, '  ').replace(/^ {2}/, '- '));
    }
    return `${items.join('\n')}\n`;
  }

  private codeFence(): string {
    return ['```r', '# coding frequencies #not-a-tag', 'table(segments$code) #also-not', '```', ''].join('\n');
  }
}

/** Joins words into lines of at most ~78 columns, each line prefixed. */
export function wrap(words: readonly string[], prefix: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    // A line never starts with `<`: an HTML comment there would open an HTML block.
    if (line && line.length + word.length + 1 > WRAP && !word.startsWith('<')) {
      lines.push(prefix + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(prefix + line);
  return lines.join('\n');
}
