/**
 * Inputs of the property tests: arbitrary text (any code points, or dense in Markdown
 * and tag syntax), and grammar-based Markdown documents built from a shrinkable list
 * of choices by the differential test's generator.
 */
import fc from 'fast-check';
import { ChoiceList, adversarialMarkdown } from '../reference/adversarialMarkdown';

/** Characters that mean something to the scanner, front matter or codebook. */
const SYNTAX = [...'#[]{}()<>!-*_`\\&;:/=."\' \t\n\r>|~0123456789aAbzéΩ日\u0301'];

/** Any string of code points, lone surrogates included. */
export const anyText = fc.string({ unit: 'binary', maxLength: 400, size: 'large' });

/** Strings dense in Markdown and tag syntax. */
export const syntaxText = fc.string({ unit: fc.constantFrom(...SYNTAX), maxLength: 400, size: 'large' });

/** Either kind of arbitrary text. */
export const arbitraryText = fc.oneof(anyText, syntaxText);

/** A Markdown document from the grammar (blocks, containers, tags and near-tags). */
export const markdownDocument = fc.array(fc.nat({ max: 0xffff }), { maxLength: 300, size: 'max' }).map((choices) => adversarialMarkdown(new ChoiceList(choices)));

/** A codebook: front matter, headings, definitions, CERQual paragraphs, and noise. */
export const codebookText = fc
  .array(
    fc.oneof(
      fc.constantFrom('# Theme', '## Sub-theme', '### Deep', '#', '## ', 'Theme\n==='),
      fc.constantFrom('- #a: definition', '- #b/c — def', '- #a: again', '* #d', '- not a code', '- #1 bad'),
      fc.constantFrom('CERQual: moderate — minor concerns', 'CERQual:', 'Colour: #ff0000', 'Description text.'),
      fc.constantFrom('---\ntitle: Codebook\n---', '```\n- #e: in code\n```', '<!-- - #f: hidden -->'),
      syntaxText,
    ),
    { maxLength: 20, size: 'large' },
  )
  .map((blocks) => blocks.join('\n\n'));

/** Front matter variants: valid, broken YAML, lists, aliases, unclosed. */
export const frontMatterText = fc
  .tuple(
    fc.constantFrom('---\n', '---  \n', '--- \r\n', ''),
    fc.array(fc.oneof(fc.constantFrom('id: a', 'year: 2005', 'authors: [A, B]', 'casp:\n  aims: yes', 'a: &x [1]\nb: *x', ': bad', 'key: "unclosed', '- item', 'date: 2020-01-01', 'x: !!js/function "f"'), syntaxText), { maxLength: 6, size: 'large' }),
    fc.constantFrom('\n---\n', '\n---', '\n', '\n...\n'),
    syntaxText,
  )
  .map(([open, lines, close, body]) => `${open}${lines.join('\n')}${close}${body}`);
