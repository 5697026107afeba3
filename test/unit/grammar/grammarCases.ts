/**
 * Cases for the highlighting grammar beyond the scanner's own tables (tagCases.ts):
 * more texts where the grammar must agree with the scanner, and the texts where a
 * line-based TextMate grammar cannot, each with the reason.
 */

/** [test name, Markdown text]: the grammar highlights exactly the scanner's tags. */
export const agreesWithScanner: Array<[string, string]> = [
  ['an escaped backslash before a tag', 'A \\\\#code here'],
  ['an escaped backslash before an escaped hash', 'A \\\\\\#code here'],
  ['a tag alone in brackets', 'Noted [#stigma] and [(#hope)].'],
  ['a tag in brackets before a colon mid-line', 'a [#stigma]: b'],
  ['a tag in reference link text', '[text #a][] and [x #b][ref]'],
  ['an HTML entity in link text', '[It&#x27;s here](https://x.org)'],
  ['an escaped hash in link text', '[Not \\#stigma here](https://x.org)'],
  ['a heading with closing hashes', '## Title #a ##'],
  ['a setext heading', 'Title #a\n====='],
  ['a list item continuation line', '- item\n  #a'],
  ['a lazy list continuation line', '- item\n#a'],
  ['a lazy blockquote continuation line', '> quoted words\n#stigma'],
  ['an ordered list item', '1. #first item'],
  ['an indented paragraph continuation line', 'Para.\n    #a'],
  ['indented code after a heading', '# H\n    #code'],
  ['indented code at the start', '    #code'],
  ['a fence inside a blockquote', '> ```\n> #a\n> ```'],
  ['link text across a line break', '[text\n#a](url)'],
  ['an email autolink', 'Mail <me@x.org#a>'],
  ['a mailto URL', 'See mailto:me@x.org#a ok'],
  ['a URL in parentheses', '(https://x.org/#a)'],
  ['a URL inside emphasis is text', '*https://x.org/#a*'],
  ['a tag between code spans', '`code` #a `b`'],
  ['name endings and empty levels', '#a/b/c. #a/.b #a//b #a-'],
  ['a tag after a tab', 'tab\t#a'],
  ['a tag inside strong emphasis', '***#a***'],
  ['tags and code in table cells', '| #a | b |\n|---|---|\n| `#x` | #c |'],
  ['quote paragraphs', '> #a\n>\n> #b'],
  ['a decomposed name', 'Ein #Cafe\u0301 here'],
  ['two spans on a line', '[a]{#x} [b]{#y}'],
  ['adjacent spans', '[a]{#x}[b]{#y}'],
  ['a span in a table cell', '| [a]{#x} | b |\n|---|---|'],
  ['a span in a heading', '## [Head]{#h}'],
  ['a span in a blockquote', '> "They [still see me as a client]{#stigma}"'],
  ['a span with spaces in the braces', '[a]{ #x }'],
  ['a span after an unclosed bracket', '[a [b c]{#x}'],
  ['a span with an escaped bracket', '[see \\] here]{#a}'],
  ['a code span holding `]{#…}` inside a span', '[run `x]{#no}` now]{#a}'],
  ['a tag in brackets inside a span', '[see [#a] here]{#b}'],
  ['an invalid name in braces', '[x]{#1bad}'],
];

/** A text where the grammar and the scanner differ, and why. */
export interface KnownDifference {
  readonly name: string;
  readonly text: string;
  /** The scanner's tags (`#name`), checked so the difference stays real. */
  readonly scanner: string[];
  /** What the grammar highlights instead. */
  readonly grammar: string[];
  readonly reason: string;
}

export const knownDifferences: KnownDifference[] = [
  {
    name: 'inline code across a line break',
    text: 'Use `a\n#stigma` here.',
    scanner: [],
    grammar: ['#stigma'],
    reason: "VS Code's Markdown grammar matches a code span within one line.",
  },
  {
    name: 'an inline HTML comment across a line break',
    text: 'Text <!-- a\n#stigma --> more.',
    scanner: [],
    grammar: ['#stigma'],
    reason: "Markdown's paragraph rule ends at the line break and closes the comment the HTML grammar opened.",
  },
  {
    name: 'an HTML comment opened mid-line',
    text: 'Text <!--\n#stigma\n-->',
    scanner: [],
    grammar: ['#stigma'],
    reason: 'Markdown only takes `<!--` at the start of a line for a comment block.',
  },
  {
    name: 'indented code inside a list item',
    text: '- item\n\n      #code',
    scanner: [],
    grammar: ['#code'],
    reason: "Markdown's list rule consumes up to four spaces, leaving too few for its indented-code rule.",
  },
  {
    name: 'a line that starts with an inline HTML tag',
    text: '<span>#stigma</span> said',
    scanner: ['#stigma'],
    grammar: [],
    reason: 'Markdown takes any line starting with a tag for an HTML block, which is not a paragraph.',
  },
  {
    name: 'text inside an HTML block',
    text: '<div>\n#stigma\n</div>',
    scanner: ['#stigma'],
    grammar: [],
    reason: 'Markdown scopes an HTML block as HTML, not as a paragraph (CommonMark agrees).',
  },
  {
    name: '`]{#…}` with no `[` before it',
    text: 'A passage]{#code} here',
    scanner: [],
    grammar: ['#code'],
    reason: "A `[` on an earlier line can't be seen, so every `]{#…}` is scoped as a span's end; the index reports the missing `[`.",
  },
  {
    name: 'span braces never closed',
    text: 'A [passage]{#code and more',
    scanner: [],
    grammar: ['#code'],
    reason: 'Without `}` there is no span, and `#code` reads as a bare tag; the index reports the open braces.',
  },
];
