/**
 * The block parser's fast paths (paragraphLine.ts, topLevelLine.ts, leafLine.ts,
 * containerLine.ts read most lines without commonmark.js's line loop) held to the loop
 * itself: each document is parsed with them and with every line sent through the loop,
 * and the two must give the same tree — every block's type, source positions, list
 * markers, heading level, content, fence and HTML kind — the same link reference
 * definitions, and the same start of each line's block text. Documents: the spec's
 * examples and their probes, the adversarial documents, generated studies, and lines of
 * every kind the fast paths read or refuse, shuffled together (tabs included).
 */
import { strict as assert } from 'node:assert';
import type { Node } from 'commonmark';
import { Random } from '../../bench/random';
import { generateCodeNames } from '../../bench/reviewGenerator';
import { generateStudy } from '../../bench/studyGenerator';
import { parseBlocks } from '../../../src/core/syntax/blockParser';
import { adversarialMarkdown } from './adversarialMarkdown';
import { probeDocuments, specExamples } from './specProbes';

/** Everything the parse gives, as one string. */
function parsed(markdown: string, fastLines: boolean): string {
  const { document, contentStart, definitions } = parseBlocks(markdown, fastLines);
  return JSON.stringify({ tree: tree(document), contentStart: [...contentStart], definitions });
}

function tree(node: Node): unknown {
  const children: unknown[] = [];
  for (let child = node.firstChild; child; child = child.next) children.push(tree(child));
  const { type, sourcepos, level, _listData, _string_content, _htmlBlockType, _isFenced, _fenceChar, _fenceLength, _fenceOffset } = node;
  const literal = (node as unknown as { _literal?: string; info?: string })._literal;
  const info = (node as unknown as { info?: string }).info;
  return { type, sourcepos, level, _listData, _string_content, _htmlBlockType, _isFenced, _fenceChar, _fenceLength, _fenceOffset, literal, info, children };
}

/** Lines of the kinds the fast paths read, and of the kinds next to them they must refuse. */
const LINES = [
  '', '', '', '   ', '\t', 'text', 'more text #tag', '#tag text', '#', '# Heading', '### Heading ###', '###### six', '####### seven', '#\tTab', '## ',
  '- item', '- item #a', '-  two spaces', '-    four spaces', '-     five spaces', '-', '- ', '-\titem', '* star', '+ plus', '- - nested', '- # heading',
  '- > quote', '- [x]: /url', '- [a] b', '- ```', '  - sub item', '    - deep item', '   - three', '1. one', '2) two', '- ---', '***', '---', '===',
  '  text', '    indented', '\ttabbed', '> quote', '>quote', '> > nested', '>\ttab', '> - item', '> # h', '  > quote', '    > code', '>', '> ',
  '[a]: /url', '[a]: /url "title"', '[b] text', '[c]{#code} text', '[d', 'e]: /x', '```', '```r', '``` x `y`', '~~~', '````', '  ```', '   ~~~ info',
  '```  ', '  code in fence', '\tcode', '<!-- comment', '<!-- one -->', '<!-->', 'end -->', '<div>', '</div>', '<pre>', '</pre>', '<?x', '?>',
  '| a | b |', '|---|---|', 'a | b', '--- | ---', ':-:', '<span>', 'x<y', '&amp;', '\\# escaped',
];

/** A document of `LINES`, some indented for list items or quoted, deterministic for a seed. */
function mixedLines(seed: number): string {
  const random = new Random(seed);
  const out: string[] = [];
  for (let i = random.int(2, 30); i > 0; i--) {
    const prefix = random.chance(0.7) ? '' : random.pick(['  ', '   ', '    ', '> ', '>', '> > ', '  > ', '- ', '  - ']);
    out.push(`${prefix}${random.pick(LINES)}`);
  }
  return out.join(random.chance(0.1) ? '\r\n' : '\n') + (random.chance(0.5) ? '\n' : '');
}

function documents(): string[] {
  const out: string[] = [];
  for (const example of specExamples()) for (const probe of probeDocuments(example)) out.push(probe.text);
  for (let seed = 1; seed <= 2000; seed++) out.push(adversarialMarkdown(seed));
  for (let seed = 1; seed <= 6000; seed++) out.push(mixedLines(seed));
  for (let seed = 1; seed <= 20; seed++) {
    const random = new Random(seed);
    out.push(generateStudy(random, { index: seed, size: 8000, codes: generateCodeNames(random.fork(7), 30) }));
  }
  return out;
}

describe('block parser fast paths: the same blocks as commonmark.js\'s line loop', () => {
  it('gives every document the tree, definitions and line starts of the loop alone', () => {
    const all = documents();
    const differing = all.filter((markdown) => parsed(markdown, true) !== parsed(markdown, false));
    assert.ok(all.length > 25_000, `${all.length} documents`);
    assert.deepEqual(differing.slice(0, 3).map((markdown) => ({ markdown, fast: parsed(markdown, true), loop: parsed(markdown, false) })), []);
  });
});
