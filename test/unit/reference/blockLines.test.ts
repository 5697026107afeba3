/**
 * Every paragraph's lines, exactly: the block reader (readBlocks, which adds plain
 * continuation lines without commonmark.js's line loop) must give each paragraph and
 * list item's first paragraph the very text commonmark.js's own, unpatched block parser
 * keeps for it (its lines from where the containers' markers end, definitions removed).
 * The tag differential tests compare tags and coded blocks, which a block starting a
 * space too early or late does not change; this compares the characters. Documents with
 * tabs (commonmark.js then keeps spaces for a partly consumed tab), tables (which it
 * has not) and `<` (HTML blocks, which the reader shows as paragraphs) are left out.
 */
import { strict as assert } from 'node:assert';
import { Parser, type Node } from 'commonmark';
import { Random } from '../../bench/random';
import { generateCodeNames } from '../../bench/reviewGenerator';
import { generateStudy } from '../../bench/studyGenerator';
import { readBlocks } from '../../../src/core/syntax/blocks';
import { adversarialMarkdown } from './adversarialMarkdown';
import { probeDocuments, specExamples } from './specProbes';

/** commonmark.js's paragraph contents, in document order, each line ending in `\n`. */
function referenceParagraphs(markdown: string): string[] {
  const parser = new Parser();
  parser.processInlines = () => {};
  const paragraphs: string[] = [];
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.next) {
      if (child.type === 'paragraph') paragraphs.push(child._string_content ?? '');
      else visit(child);
    }
  };
  visit(parser.parse(markdown));
  return paragraphs;
}

function readerParagraphs(markdown: string): string[] {
  return readBlocks(markdown)
    .blocks.filter((block) => block.kind === 'paragraph' || block.kind === 'listItem')
    .map((block) => block.lines.map(([start, end]) => `${markdown.slice(start, end)}\n`).join(''));
}

function documents(): string[] {
  const out: string[] = [];
  for (const example of specExamples()) for (const probe of probeDocuments(example)) out.push(probe.text);
  for (let seed = 1; seed <= 2000; seed++) out.push(adversarialMarkdown(seed));
  for (let seed = 1; seed <= 20; seed++) {
    const random = new Random(seed);
    out.push(generateStudy(random, { index: seed, size: 8000, codes: generateCodeNames(random.fork(7), 30) }));
  }
  return out.filter((markdown) => !/[\t|<]/.test(markdown));
}

describe('block reader: paragraph lines as commonmark.js keeps them', () => {
  it('gives every paragraph the reference parser\'s text, character for character', () => {
    const all = documents();
    const differing = all.filter((markdown) => JSON.stringify(readerParagraphs(markdown)) !== JSON.stringify(referenceParagraphs(markdown)));
    assert.ok(all.length > 10_000, `${all.length} documents`);
    assert.deepEqual(differing.slice(0, 3).map((markdown) => ({ markdown, reader: readerParagraphs(markdown), reference: referenceParagraphs(markdown) })), []);
  });
});
