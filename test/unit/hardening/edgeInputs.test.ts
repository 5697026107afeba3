import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseCodebook } from '../../../src/core/codebook';
import type { Problem } from '../../../src/core/model';
import { NodeReviewHost } from '../../../src/node/nodeHost';
import { loadReview, type Review } from '../../../src/core/review';
import { parseStudy } from '../../../src/core/study';

const GOOD = '---\nid: good\n---\nA [coded passage]{#fine}.\n';
const CODEBOOK = '# Theme\n- #fine: A code.\n';

/** Writes a review with one good study plus the given files, and loads it. */
async function reviewWith(files: Record<string, string | Buffer>): Promise<{ review: Review; dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'qualsynth-edge-'));
  const all: Record<string, string | Buffer> = { 'codebook.md': CODEBOOK, 'studies/good.md': GOOD, ...files };
  for (const [file, content] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return { review: await loadReview(new NodeReviewHost(dir)), dir };
}

const view = (problem: Problem) => ({ path: problem.path, line: problem.range.startPosition.line + 1, severity: problem.severity, kind: problem.kind });

/** Time a call and fail past a generous bound (guards against quadratic blow-ups). */
function withinMs<T>(limit: number, run: () => T): T {
  const started = performance.now();
  const result = run();
  const took = performance.now() - started;
  assert.ok(took < limit, `took ${took.toFixed(0)} ms (bound ${limit} ms)`);
  return result;
}

describe('hostile and broken input', () => {
  const made: string[] = [];
  afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const load = async (files: Record<string, string | Buffer>) => {
    const result = await reviewWith(files);
    made.push(result.dir);
    return result.review;
  };
  const goodStillIndexed = (review: Review) => assert.ok(review.index.getStudy('studies/good.md')?.segments.length === 1, 'the other study is still indexed');

  it('git conflict markers: an error at each marker line', async () => {
    const review = await load({ 'studies/conflict.md': 'Intro.\n<<<<<<< HEAD\nOurs [a]{#fine}.\n=======\nTheirs [b]{#fine}.\n>>>>>>> branch\n' });
    const problems = review.index.problemsOf('studies/conflict.md').filter((p) => p.kind === 'merge-conflict').map(view);
    assert.deepEqual(problems.map((p) => p.line), [2, 4, 6]);
    assert.match(review.index.problemsOf('studies/conflict.md')[0].message, /unresolved merge/);
    goodStillIndexed(review);
  });
  it('unbalanced brackets and unterminated braces: located errors, text kept', async () => {
    const review = await load({ 'studies/broken.md': 'Fine [text.\n\nA ]{#fine} stray.\n\nAn [open]{#fine never closed\n' });
    assert.deepEqual(review.index.problemsOf('studies/broken.md').map(view), [
      { path: 'studies/broken.md', line: 3, severity: 'error', kind: 'malformed-span' },
      { path: 'studies/broken.md', line: 5, severity: 'error', kind: 'malformed-span' },
    ]);
    goodStillIndexed(review);
  });
  it('10,000 nested brackets finish quickly and code the innermost span', () => {
    const text = `${'['.repeat(10_000)}core]{#fine}${']'.repeat(9_999)}\n`;
    const study = withinMs(2000, () => parseStudy('studies/deep.md', text));
    assert.deepEqual(study.segments.map((s) => s.text), ['core']);
  });
  it('10,000 nested spans finish quickly', () => {
    const text = `${'['.repeat(10_000)}core${']{#fine}'.repeat(10_000)}\n`;
    const study = withinMs(3000, () => parseStudy('studies/deep.md', text));
    assert.equal(study.segments.length, 10_000);
  });
  it('a 10 MB single-line file is indexed in bounded time', function () {
    this.timeout(30_000);
    // A tag every ~330 characters, as in real coding, on one 10 MB line.
    const text = `${'word '.repeat(60)}[coded]{#fine} #fine `.repeat(32_000);
    assert.ok(text.length > 10_000_000);
    const study = withinMs(10_000, () => parseStudy('studies/huge.md', text));
    assert.equal(study.segments.length, 32_001);
  });
  it('pathological backticks, braces and link openers stay linear', () => {
    for (const unit of ['` `` ', ']{#a ', '](x ', '[a][', '<!-- ', 'https://x#']) {
      const text = unit.repeat(200_000 / unit.length);
      withinMs(3000, () => parseStudy('studies/p.md', text));
    }
  });
  it('binary and non-UTF-8 files: an error each, the rest indexed', async () => {
    const review = await load({ 'studies/image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), 'studies/latin1.md': Buffer.from('caf\xe9 #fine', 'latin1') });
    const problems = review.index.problems().filter((p) => p.kind === 'unreadable-file');
    assert.deepEqual(problems.map((p) => [p.path, p.severity]), [['studies/image.md', 'error'], ['studies/latin1.md', 'error']]);
    assert.match(problems[1].message, /not valid UTF-8; re-save it as UTF-8/);
    assert.deepEqual(review.index.studies().map((s) => s.path), ['studies/good.md']);
  });
  it('an empty file is an empty study, without problems', async () => {
    const review = await load({ 'studies/empty.md': '' });
    assert.equal(review.index.getStudy('studies/empty.md')?.id, 'empty');
    assert.deepEqual(review.index.problemsOf('studies/empty.md'), []);
  });
  it('front matter that is not a mapping', async () => {
    const review = await load({ 'studies/list.md': '---\n- a\n- b\n---\nText [x]{#fine}.\n' });
    assert.deepEqual(review.index.problemsOf('studies/list.md').map(view), [{ path: 'studies/list.md', line: 2, severity: 'error', kind: 'invalid-front-matter' }]);
    assert.equal(review.index.getStudy('studies/list.md')?.segments.length, 1);
  });
  it('front matter with a duplicate key: error at the second key', async () => {
    const review = await load({ 'studies/dup.md': '---\nid: dup\nyear: 2001\nyear: 2002\n---\n' });
    assert.deepEqual(review.index.problemsOf('studies/dup.md').map((p) => [p.range.startPosition.line + 1, p.message.includes('duplicated mapping key')]), [[4, true]]);
  });
  it('a billion-laughs front matter does not expand', async () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 10; level++) lines.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(10).fill(`*${String.fromCharCode(96 + level)}`).join(',')}]`);
    const review = await load({ 'studies/laughs.md': `---\n${lines.join('\n')}\n---\nBody [x]{#fine}.\n` });
    const problems = review.index.problemsOf('studies/laughs.md');
    assert.equal(problems[0].kind, 'invalid-front-matter');
    assert.match(problems[0].message, /expands to more than 10000 values/);
    assert.deepEqual(review.index.getStudy('studies/laughs.md')?.attributes, {});
    goodStillIndexed(review);
  });
  it('a codebook with duplicate definitions, an empty heading and a code before any heading', () => {
    const codebook = parseCodebook('codebook.md', '- #early: Before.\n# Theme\n- #fine: One.\n- #fine: Two.\n#\n- #late: Under an empty heading.\n');
    assert.deepEqual(codebook.problems.map((p) => [p.kind, p.range.startPosition.line + 1]), [['code-before-theme', 1], ['duplicate-definition', 4], ['empty-theme', 5]]);
    assert.deepEqual(codebook.definitions.map((d) => d.code), ['early', 'fine', 'fine', 'late']);
  });
  it('a symlink loop under studies/ does not hang the scan', async function () {
    const dir = mkdtempSync(path.join(tmpdir(), 'qualsynth-loop-'));
    made.push(dir);
    mkdirSync(path.join(dir, 'studies', 'sub'), { recursive: true });
    writeFileSync(path.join(dir, 'codebook.md'), CODEBOOK);
    writeFileSync(path.join(dir, 'studies', 'good.md'), GOOD);
    symlinkSync(path.join(dir, 'studies'), path.join(dir, 'studies', 'sub', 'loop'), 'dir');
    const review = await loadReview(new NodeReviewHost(dir));
    assert.deepEqual(review.index.studies().map((s) => s.path), ['studies/good.md']);
  });
  it('file names with spaces and non-Latin characters', async () => {
    const review = await load({ 'studies/Ólafsdóttir et al 2011.md': 'Text [x]{#fine}.\n', 'studies/研究 2012.md': '> 引用 #fine\n' });
    assert.deepEqual(review.index.studies().map((s) => [s.path, s.id, s.segments.length]), [
      ['studies/good.md', 'good', 1],
      ['studies/Ólafsdóttir et al 2011.md', 'Ólafsdóttir et al 2011', 1],
      ['studies/研究 2012.md', '研究 2012', 1],
    ]);
  });
});
