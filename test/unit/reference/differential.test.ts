/**
 * Differential test: the fast tag scanner (`parseStudy`) and the remark reference must
 * read every study alike — the same tags (code and offset), the same span tags (content
 * range, codes) and the same coded blocks (range, codes, order). Inputs: every fixture
 * and example study, generated realistic studies, and hostile generated Markdown.
 *
 * Known, deliberate differences are kept out of the comparison or normalised in
 * remarkReference.ts / compareWithScanner.ts, each with its reason: raw HTML blocks of
 * kinds 6 and 7 (`<div>` at a line start; the scanner reads their text) and reference
 * links before `{` (a span tag, as Pandoc reads it). Three corners outside the spec
 * where micromark differs from commonmark.js (the reference implementation, which the
 * scanner follows) are kept out of the generated documents: a lazy line that opens an
 * HTML block of kind 7 (`> a` then `<span>`: micromark opens the block, commonmark.js
 * continues the paragraph), a lazy delimiter row (micromark then ends the paragraph),
 * and a table header right after a table that ended with its quote or list item
 * (micromark refuses that second table). The spec itself is probed in spec.test.ts.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as nodePath from 'node:path';
import { Random } from '../../bench/random';
import { generateCodeNames } from '../../bench/reviewGenerator';
import { generateStudy } from '../../bench/studyGenerator';
import { adversarialMarkdown } from './adversarialMarkdown';
import { differences, referenceFacts, scannerFacts, type Extracted } from './compareWithScanner';

const ROOT = nodePath.resolve(__dirname, '../../..');

/** Study files of the fixtures and the examples, review-relative to the repository. */
function fixtureStudies(): string[] {
  const out: string[] = [];
  for (const folder of ['test/fixtures', 'examples']) {
    const absolute = nodePath.join(ROOT, folder);
    if (!existsSync(absolute)) continue;
    for (const entry of readdirSync(absolute, { recursive: true }) as string[]) {
      const path = `${folder}/${entry.split(nodePath.sep).join('/')}`;
      if (/\/studies\/[^/]+\.md$/.test(path)) out.push(path);
    }
  }
  return out.sort();
}

/** Differences for each input that disagrees, labelled, at most `limit` of them. */
function disagreements(inputs: Iterable<[string, string]>, limit = 5): string[] {
  const out: string[] = [];
  for (const [label, text] of inputs) {
    const found = differences(text, scannerFacts(text), referenceFacts(text));
    if (found.length > 0 && out.length < limit) out.push(`${label}:\n  ${found.slice(0, 6).join('\n  ')}`);
  }
  return out;
}

function* realisticStudies(count: number): Generator<[string, string]> {
  for (let seed = 1; seed <= count; seed++) {
    const random = new Random(seed);
    const codes = generateCodeNames(random.fork(7), 30);
    yield [`generated study, seed ${seed}`, generateStudy(random, { index: seed, size: 2500 + (seed % 7) * 500, codes })];
  }
}

function* hostileDocuments(count: number): Generator<[string, string]> {
  for (let seed = 1; seed <= count; seed++) yield [`adversarial document, seed ${seed}`, adversarialMarkdown(seed)];
}

describe('scanner vs remark reference (differential)', () => {
  const studies = fixtureStudies();

  it('finds fixture and example studies to compare', () => {
    assert.ok(studies.length >= 2, `expected fixture studies, found ${studies.join(', ')}`);
  });

  for (const path of studies) {
    it(`agrees on ${path}`, () => {
      const text = readFileSync(nodePath.join(ROOT, path), 'utf8').replace(/^\uFEFF/, '');
      const reference = referenceFacts(text);
      assert.deepEqual(differences(text, scannerFacts(text, path), reference), []);
    });
  }

  it('agrees on 200 generated realistic studies', function () {
    this.timeout(30_000);
    assert.deepEqual(disagreements(realisticStudies(200)), []);
  });

  it('agrees on 400 generated hostile documents', function () {
    this.timeout(30_000);
    assert.deepEqual(disagreements(hostileDocuments(400)), []);
  });

  it('the comparison sees a dropped tag, a moved span and a changed block order', () => {
    const text = '> "Quote." #a\n\nText [span]{#b} more. #c';
    const facts = scannerFacts(text);
    const broken: Extracted = {
      tags: facts.tags.slice(1),
      spans: facts.spans.map((span) => ({ ...span, start: span.start + 1 })),
      blocks: facts.blocks.map((block) => ({ ...block, order: block.order === 'first' ? 'second' : 'first' })),
    };
    const found = differences(text, broken, referenceFacts(text));
    assert.ok(found.some((line) => line.startsWith('tag only in remark')), found.join('\n'));
    assert.ok(found.some((line) => line.startsWith('span only in scanner')), found.join('\n'));
    assert.ok(found.some((line) => line.startsWith('block only in scanner')), found.join('\n'));
  });
});
