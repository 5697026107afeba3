import { strict as assert } from 'node:assert';
import { parseCodebook } from '../../../src/core/codebook';
import { parseMemo } from '../../../src/core/memo/memo';
import { conceptsOf } from '../../../src/core/metaEthnography/concepts';
import { memoRelations } from '../../../src/core/metaEthnography/memoRelations';
import { reportSynthesis } from '../../../src/core/report/reportMemos';
import { ReviewIndex } from '../../../src/core/reviewIndex';

const CODEBOOK = [
  '# Being written off', '', 'Kind: concept', '', '- #prejudice: Treated as patients.', '',
  '# Pay as worth', '', 'Kind: concept', '', '- #low-pay: Paid less.', '',
  '# Recipients', '', '## Hope from a peer', '', 'Kind: concept', '', '- #hope: Hope.', '',
  '# Other', '', '- #other: Not a concept.', '',
].join('\n');

/** A memo with the given `relation:` and `about:` lines. */
function memo(path: string, relation: string, about: string[]): string {
  return ['---', `title: ${path}`, `relation: ${relation}`, 'about:', ...about, '---', 'Body.', ''].join('\n');
}

/** A memo's problems as `line:column kind message` (1-based lines). */
function problemsOf(index: ReviewIndex, path: string): string[] {
  return index.problemsOf(path).map((problem) => `${problem.range.startPosition.line + 1}:${problem.range.startPosition.column} ${problem.kind} ${problem.message}`);
}

function reviewWith(memos: Record<string, string>): ReviewIndex {
  const index = new ReviewIndex();
  index.setCodebook(parseCodebook('codebook.md', CODEBOOK));
  for (const [path, text] of Object.entries(memos)) index.setMemo(parseMemo(path, text));
  return index;
}

describe('memo relations (`relation:` front matter)', () => {
  it('reads reciprocal, refutational (also refutes) and line-of-argument, with the line', () => {
    assert.deepEqual(parseMemo('m.md', memo('m', 'reciprocal', ['  review: true'])).relation?.kind, 'reciprocal');
    assert.deepEqual(parseMemo('m.md', memo('m', 'Refutes', ['  review: true'])).relation?.kind, 'refutational');
    const line = parseMemo('m.md', memo('m', 'line-of-argument', ['  review: true']));
    assert.deepEqual([line.relation?.kind, line.relation?.range.startPosition.line], ['line-of-argument', 2]);
    assert.equal(parseMemo('m.md', '---\nabout: review\n---\nNo relation.\n').relation, undefined);
  });

  it('warns at the relation: line for a value it does not know, and keeps no relation', () => {
    const odd = parseMemo('m.md', memo('m', 'sideways', ['  review: true']));
    assert.equal(odd.relation, undefined);
    assert.deepEqual(odd.problems.map((problem) => [problem.kind, problem.range.startPosition.line, problem.range.startPosition.column, problem.range.endPosition.column]), [['concept-relation', 2, 0, 'relation: sideways'.length]]);
    assert.match(odd.problems[0].message, /must be `reciprocal`, `refutational` or `line-of-argument`/);
  });

  it('relates the first concept named to each of the others, the memo as basis', () => {
    const index = reviewWith({ 'memos/a.md': memo('Worth', 'refutational', ['  themes: [Pay as worth, "Recipients > Hope from a peer", Being written off]']) });
    const { relations, problems } = memoRelations(index.memos(), index.codebook, conceptsOf(index.codebook));
    assert.deepEqual(problems, []);
    assert.deepEqual(relations.map((relation) => [relation.from.label, relation.kind, relation.to.label, relation.memo?.path, relation.memo?.title, relation.range.startPosition.line]), [
      ['Pay as worth', 'refutational', 'Hope from a peer', 'memos/a.md', 'Worth', 2],
      ['Pay as worth', 'refutational', 'Being written off', 'memos/a.md', 'Worth', 2],
    ]);
    assert.deepEqual(problemsOf(index, 'memos/a.md'), []);
  });

  it('warns at a name that is no concept, and at a relation naming fewer than two concepts', () => {
    const index = reviewWith({
      'memos/a.md': memo('a', 'reciprocal', ['  themes: [Pay as worth, Other]', '  codes: [hope]']),
      'memos/b.md': memo('b', 'reciprocal', ['  themes: [Pay as worth]']),
    });
    const known = ' (Being written off; Pay as worth; Hope from a peer).';
    assert.deepEqual(problemsOf(index, 'memos/a.md'), [
      `6:10 concept-relation \`#hope\` is not a concept of the codebook, so this \`relation:\` memo cannot relate it: name themes marked \`Kind: concept\` under \`about: themes:\`${known}`,
      `5:25 concept-relation “Other” is not a concept of the codebook, so this \`relation:\` memo cannot relate it: name themes marked \`Kind: concept\` under \`about: themes:\`${known}`,
    ]);
    assert.deepEqual(problemsOf(index, 'memos/b.md'), [
      '3:0 concept-relation A `relation: reciprocal` memo relates concepts: name two or more under `about:` (`themes:` for themes marked `Kind: concept`, `codes:` when the codes are the concepts).',
    ]);
    assert.deepEqual(memoRelations(index.memos(), index.codebook, conceptsOf(index.codebook)).relations, []);
  });

  it('puts a line-of-argument memo with the review memos of the Line of argument section, and relates no pair', () => {
    const index = reviewWith({ 'memos/line.md': memo('Worth, doubted and restored', 'line-of-argument', ['  themes: [Pay as worth, Being written off]']) });
    const { relations, lines } = memoRelations(index.memos(), index.codebook, conceptsOf(index.codebook));
    assert.deepEqual(relations, []);
    // Apart from the pairs, with its concepts in about: order, for the translation's data files.
    assert.deepEqual(lines.map((line) => [line.memo.path, line.memo.title, line.range.startPosition.line, ...line.concepts.map((concept) => concept.label)]), [['memos/line.md', 'Worth, doubted and restored', 2, 'Pay as worth', 'Being written off']]);
    assert.deepEqual(reportSynthesis(index, 'meta-ethnography', '..')?.review.map((entry) => entry.title), ['Worth, doubted and restored']);
  });
});
