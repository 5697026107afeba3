/**
 * Every tag rule of DESIGN.md, each with cases that must be tags and cases that must
 * not. Removing any one "not a tag" rule from the scanner fails at least one case.
 * Shared by the scanner's tests (tagRules.test.ts) and the highlighting grammar's
 * (test/unit/grammar), so both follow the same rules.
 */

/** [test name, Markdown text, the codes it must hold in source order]. */
export const isTag: Array<[string, string, string[]]> = [
  ['a bare tag in a sentence', 'Workers felt #staff-prejudice daily.', ['staff-prejudice']],
  ['a tag at the start of a paragraph', '#low-pay was common.', ['low-pay']],
  ['a tag after punctuation', 'They said (#stigma) and "#hope".', ['stigma', 'hope']],
  ['hierarchical names', 'Noted #workers/pay/low-pay here.', ['workers/pay/low-pay']],
  ['letters of any script', 'Seen #Stigmatisierung and #偏見 and #предубеждение.', ['Stigmatisierung', '偏見', 'предубеждение']],
  ['digits, underscores and dots inside', 'See #phase_2.v1 now.', ['phase_2.v1']],
  ['a trailing full stop is not part of the name', 'The code is #low-pay.', ['low-pay']],
  ['a trailing hyphen is not part of the name', 'A #role- dash', ['role']],
  ['a trailing slash is not part of the name', 'A #workers/ slash', ['workers']],
  ['an empty level ends the name', 'A #workers//pay thing', ['workers']],
  ['names are case-sensitive', '#Hope and #hope', ['Hope', 'hope']],
  ['a tag after a URL and a space', 'See https://x.org/a #stigma', ['stigma']],
  ['a tag after an emoji', 'Great 😀#joy', ['joy']],
  ['a tag inside emphasis', 'They felt *#stigma* deeply.', ['stigma']],
  ['a tag inside link text', 'See [the #stigma finding](https://x.org).', ['stigma']],
  ['a tag after a closed code span', 'Run `x` then #stigma', ['stigma']],
  ['a tag after a closed HTML comment', 'Text <!-- note --> #stigma', ['stigma']],
  ['a tag after an entity', 'A &amp; #stigma', ['stigma']],
  ['a tag in a list item', '- item with #stigma', ['stigma']],
  ['a tag in a blockquote', '> quote #stigma', ['stigma']],
  ['a tag in a table cell', '| a | b |\n| - | - |\n| #stigma | x |', ['stigma']],
  ['a tag after a lone backtick', 'a ` b #stigma', ['stigma']],
];

/** [test name, Markdown text that must hold no tag]. */
export const notTag: Array<[string, string]> = [
  ['inside inline code', 'Use `#stigma` to code.'],
  ['inside double-backtick inline code', 'Use ``a ` #stigma`` here.'],
  ['inside a fenced code block', '```\n#stigma\n```'],
  ['inside a tilde fence', '~~~md\n#stigma\n~~~'],
  ['inside an indented code block', 'Para.\n\n    #stigma code'],
  ['inside an HTML comment', 'Text <!-- #stigma --> more.'],
  ['inside a multi-line HTML comment block', '<!--\n#stigma\n-->'],
  ['inside a link destination', '[text](https://x.org/page#stigma)'],
  ['inside a relative link destination', '[text](other.md#stigma)'],
  ['inside a bare URL', 'See https://x.org/a#frag for more.'],
  ['inside a www URL', 'See www.example.org/a#frag now.'],
  ['inside a URL after a slash', 'See https://x.org/#section now.'],
  ['inside a URL in parentheses', '(see https://x.org/page/#top)'],
  ['inside an anchor link destination', 'See [above](#stigma) for more.'],
  ['inside a link destination with a title', '[a](/p/#x "Title #y")'],
  ['inside a reference definition with an anchor', '[ref]: /page/#frag'],
  ['inside an HTML comment block with blank lines', '<!--\n\n#stigma\n\n-->'],
  ['inside an autolink', 'See <https://x.org/a#frag>.'],
  ['inside an HTML attribute', 'A <a href="page#stigma">link</a>.'],
  ['inside a link reference definition', '[ref]: https://x.org/a#frag'],
  ['a hexadecimal HTML entity', 'It&#x27;s here.'],
  ['a decimal HTML entity', 'It&#39;s here.'],
  ['after a letter (C#)', 'Written in C#sharp today.'],
  ['after a word (issue#3)', 'See issue#three now.'],
  ['after a digit', 'Room 12#b was used.'],
  ['after an underscore', 'snake_#case here'],
  ['escaped with a backslash', 'Not \\#stigma here.'],
  ['a heading marker', '# Stigma heading'],
  ['a level-three heading marker', '### Findings'],
  ['followed by a digit', 'Theme #1 and #2.'],
  ['followed by a space', 'A # alone'],
  ['doubled hash', 'A ##stigma here'],
  ['in front matter', '---\nnote: "#stigma"\n---\nBody.'],
];
