/**
 * The merge never loses a coding: over random studies and random pairs of coding edits
 * (spans added, removed, renamed, extra codes, nested and over several lines; block
 * tags inline and on their own lines), with or without words inserted into the text on
 * either side, every coding present on a side and not removed by the other is in the
 * result, none that was removed is, and the text equals git's merge of the texts
 * (`git merge-file` on the plain texts).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { readFrontMatter } from '../../../src/core/frontMatter';
import { mergeStudy } from '../../../src/core/merge/mergeStudy';
import { keepCoding } from '../../../src/core/merge/codingMerge';
import { splitStudy } from '../../../src/core/merge/studyParts';
import { scanTags } from '../../../src/core/syntax/scanTags';
import { gitLineMerge, gitMergeFile } from '../../../src/node/git/mergeFile';
import { COSTLY_RUNS, propertyParameters } from './settings';
import { applyEdits, baseStudy, codingEdits, insertWord, renderModel, type ModelStudy } from './studyModel';

const WORD = /\b[wn]\d+[ab]?\b/g;

/** Span facts `code|from|to` and block facts `code|block`, block = index in the base model. */
function facts(study: ModelStudy): { spans: Set<string>; blocks: Set<string> } {
  return {
    spans: new Set(study.spans.flatMap((span) => span.codes.map((code) => `${code}|${span.from}|${span.to}`))),
    blocks: new Set(study.tags.map((tag) => `${tag.code}|${tag.block}`)),
  };
}

/** Per word of the merged text, the span codes covering it; and the block facts. */
function resultCoverage(text: string, blockOfWord: ReadonlyMap<string, number>): { words: Map<string, Set<string>>; blocks: Set<string> } {
  const scanned = scanTags(text, readFrontMatter(text).bodyStart);
  const words = new Map<string, Set<string>>();
  const blocks = new Set<string>();
  for (const segment of scanned.segments) {
    const passage = text.slice(segment.start, segment.end);
    const inside = passage.match(WORD) ?? [];
    if (segment.kind === 'span') {
      for (const word of inside) for (const code of segment.codes) (words.get(word) ?? words.set(word, new Set()).get(word)!).add(code);
    } else {
      const block = inside.map((word) => blockOfWord.get(word)).find((found) => found !== undefined);
      for (const code of segment.codes) blocks.add(`${code}|${block}`);
    }
  }
  return { words, blocks };
}

function expectedCoverage(order: readonly string[], kept: Iterable<string>): Map<string, Set<string>> {
  const words = new Map<string, Set<string>>();
  for (const fact of kept) {
    const [code, from, to] = fact.split('|');
    for (const word of order.slice(order.indexOf(from), order.indexOf(to) + 1)) (words.get(word) ?? words.set(word, new Set()).get(word)!).add(code);
  }
  return words;
}

function keptFacts(base: Set<string>, ours: Set<string>, theirs: Set<string>): string[] {
  return [...new Set([...base, ...ours, ...theirs])].filter((fact) => keepCoding(base.has(fact), ours.has(fact), theirs.has(fact))).sort();
}

function sorted(map: Map<string, Set<string>>): string[] {
  return [...map].flatMap(([word, codes]) => [...codes].map((code) => `${word}:${code}`)).sort();
}

const insertion = fc.record({ block: fc.nat(20), line: fc.nat(5), at: fc.nat(8) });

const mergeCase = baseStudy.chain((base) =>
  fc.record({
    base: fc.constant(base),
    ours: codingEdits(base, 4),
    theirs: codingEdits(base, 4),
    oursText: fc.array(insertion, { maxLength: 2 }),
    theirsText: fc.array(insertion, { maxLength: 2 }),
  }),
);

describe('property: the study merge never loses a coding', function () {
  this.timeout(300_000);
  const runs = Math.max(20, Math.ceil(COSTLY_RUNS / 16));
  let clean = 0;
  let cases = 0;

  it('keeps every coding a side has and the other did not remove; the text is git\'s merge of the texts', async () => {
    await fc.assert(
      fc.asyncProperty(mergeCase, async (input) => {
        cases++;
        const ours = input.oursText.reduce((study, edit, i) => insertWord(study, edit.block, edit.line, edit.at, `n${i}a`), applyEdits(input.base, input.ours));
        const theirs = input.theirsText.reduce((study, edit, i) => insertWord(study, edit.block, edit.line, edit.at, `n${i}b`), applyEdits(input.base, input.theirs));
        const texts = [renderModel(input.base), renderModel(ours), renderModel(theirs)];
        const [baseText, oursText, theirsText] = texts;
        const result = await mergeStudy(baseText, oursText, theirsText, gitLineMerge);
        const plains = texts.map((text) => Buffer.from(splitStudy(text).plain));
        const reference = await gitMergeFile(plains[0], plains[1], plains[2]);
        if (reference.conflicts > 0) {
          assert.ok(result.conflicts > 0, 'git conflicts on the texts, so the merge must too');
          return;
        }
        clean++;
        assert.equal(result.conflicts, 0, `no conflict expected:\n${result.text}`);
        const merged = splitStudy(result.text).plain;
        assert.equal(merged, reference.merged.toString('utf8'), 'the text is git\'s merge of the texts');
        const blockOfWord = new Map(input.base.blocks.flatMap((block, index) => block.lines.flat().map((word) => [word, index] as const)));
        const [o, a, b] = [facts(input.base), facts(ours), facts(theirs)];
        const order = merged.match(WORD) ?? [];
        const got = resultCoverage(result.text, blockOfWord);
        assert.deepEqual(sorted(got.words), sorted(expectedCoverage(order, keptFacts(o.spans, a.spans, b.spans))), `span codings of\n${result.text}`);
        assert.deepEqual([...got.blocks].sort(), keptFacts(o.blocks, a.blocks, b.blocks), `block codings of\n${result.text}`);
      }),
      propertyParameters('study merge keeps codings', runs),
    );
    assert.ok(clean > cases / 2, `most cases merge cleanly (${clean} of ${cases}), so the coding check is exercised`);
  });

  it('gives back a version unchanged when the other side changed nothing (byte for byte)', async () => {
    await fc.assert(
      fc.asyncProperty(mergeCase, async (input) => {
        const base = renderModel(input.base);
        const ours = renderModel(applyEdits(input.base, input.ours));
        assert.equal((await mergeStudy(base, ours, base, gitLineMerge)).text, ours);
        assert.equal((await mergeStudy(base, base, ours, gitLineMerge)).text, ours);
      }),
      propertyParameters('study merge with one side unchanged', Math.ceil(runs / 2)),
    );
  });
});
