import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { parseConfig } from '../../../src/core/config';
import { readFrontMatter } from '../../../src/core/frontMatter';
import { runCli } from '../runCli';
import { makeSandbox, snapshot, type Sandbox } from './sandbox';

/** A "billion laughs" of `levels` levels, nine aliases each (about 330 bytes for 9 levels). */
function aliasBomb(levels: number): string {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
  for (let level = 1; level < levels; level++) lines.push(`a${level}: &a${level} [${Array(9).fill(`*a${level - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\ntitle: *a${levels - 1}\nreviewers: *a${levels - 1}\n`;
}
const view = (text: string) => parseConfig(text).problems.map((problem) => ({ line: problem.range.startPosition.line + 1, severity: problem.severity, message: problem.message }));

describe('qualsynth.yaml and front matter: hostile and wrong values are located problems', () => {
  it('an alias bomb in qualsynth.yaml: one error, the defaults, in milliseconds', () => {
    for (const levels of [9, 10, 12]) {
      const started = performance.now();
      const { config, problems } = parseConfig(aliasBomb(levels));
      assert.ok(performance.now() - started < 500, `${levels} levels took ${Math.round(performance.now() - started)} ms`);
      assert.equal(problems.length, 1);
      assert.match(problems[0].message, /expands to more than 10000 values/);
      assert.equal(config.title, undefined);
      assert.deepEqual(config.reviewers, []);
    }
  });
  it('an invalid date: an error at its line, the text kept, never a rolled-over day', () => {
    assert.deepEqual(view('title: T\nprotocol:\n  search:\n    lastSearched: 2020-13-45\n'), [{ line: 4, severity: 'error', message: 'protocol.search.lastSearched: `2020-13-45` is not a date (no such month or day): write it as YYYY-MM-DD, or quote it to keep it as text.' }]);
    assert.deepEqual(view('started: 2020-02-29\n'), []);
    const front = readFrontMatter('---\nid: a\nyear: 2001\nsearched: 2021-02-30\n---\nText.\n');
    assert.equal(front.data.searched, '2021-02-30');
    assert.deepEqual({ line: front.error?.line, message: front.error?.message }, { line: 3, message: 'Front matter `searched`: `2021-02-30` is not a date (no such month or day): write it as YYYY-MM-DD, or quote it to keep it as text.' });
  });
  it('__proto__ and other reserved keys: a warning, not silently dropped', () => {
    assert.deepEqual(view('title: T\n__proto__:\n  studies: elsewhere/*.md\n'), [{ line: 2, severity: 'warning', message: '__proto__: the key `__proto__` is reserved in JavaScript and is ignored: rename it.' }]);
    assert.equal(parseConfig('__proto__:\n  studies: x\n').config.studies, 'studies/**/*.md');
  });
  it('values of the wrong kind: an error at the key, the default used', () => {
    assert.deepEqual(view('studies: [a/*.md, b/*.md]\ntitle: {x: 1}\nreviewers: {a: 1}\n'), [
      { line: 2, severity: 'error', message: '`title` must be text, not a mapping: write `title: …` on one line (quote it if it holds `:` or `#`).' },
      { line: 1, severity: 'error', message: '`studies` must be text, not a list: write `studies: …` on one line (quote it if it holds `:` or `#`).' },
      { line: 3, severity: 'error', message: '`reviewers` must be a list of names (`reviewers: [a, b]`), not a mapping; the default is used.' },
    ]);
    assert.equal(parseConfig('title: 2020\n').config.title, '2020');
  });
  it('an empty studies glob, a reportDir with a NUL or too long: an error, the default', () => {
    assert.match(view('studies: ""\n')[0].message, /^`studies` is empty/);
    assert.match(view('reportDir: "re\\0ports"\n')[0].message, /^`reportDir` contains a control character/);
    assert.match(view(`reportDir: ${'x'.repeat(300)}\n`)[0].message, /^`reportDir` is too long/);
    assert.equal(parseConfig('reportDir: "re\\0ports"\n').config.reportDir, 'reports');
  });
});

describe('hostile config through the CLI: located problems and documented exit codes, never 70', () => {
  let box: Sandbox;
  beforeEach(() => (box = makeSandbox()));
  afterEach(() => box.remove());

  for (const [name, yaml] of [
    ['studies: ""', 'studies: ""\n'],
    ['reportDir with a NUL', 'reportDir: "a\\0b"\n'],
    ['reportDir too long', `reportDir: ${'r'.repeat(5000)}\n`],
    ['an alias bomb', aliasBomb(11)],
    ['studies as a list', 'studies: [a, b]\n'],
  ] as const) {
    it(`${name}: check exits 1 with the error, report still writes`, async () => {
      box.write({ 'review/qualsynth.yaml': yaml });
      const check = await runCli('check', box.review);
      assert.equal(check.code, 1, check.err);
      assert.match(check.out, /^qualsynth\.yaml:\d+:1: error: /m);
      const report = await runCli('report', box.review);
      assert.equal(report.code, 0, report.err);
    });
  }
  it('conflict markers in codebook.md: an error at each marker line, check exits 1', async () => {
    box.write({ 'review/codebook.md': '# Theme\n<<<<<<< HEAD\n- #fine: ours\n=======\n- #fine: theirs\n>>>>>>> branch\n' });
    const check = await runCli('check', box.review);
    assert.equal(check.code, 1);
    assert.deepEqual(check.out.split('\n').filter((line) => line.includes('Git conflict marker')).map((line) => line.split(': error')[0]), ['codebook.md:2:1', 'codebook.md:4:1', 'codebook.md:6:1']);
  });
  it('reportDir naming a file: report exits 2, the file unchanged', async () => {
    box.write({ 'review/qualsynth.yaml': 'reportDir: notes.txt\n', 'review/notes.txt': 'keep\n' });
    const before = snapshot(box.base);
    const report = await runCli('report', box.review);
    assert.equal(report.code, 2);
    assert.match(report.err, /notes\.txt is a file, not a folder/);
    assert.deepEqual(snapshot(box.base), before);
  });
  it('study ids equal after NFC or only differing in case: a duplicate-id error', async () => {
    box.write({ 'review/studies/a.md': '---\nid: Smith2020\n---\nA.\n', 'review/studies/b.md': '---\nid: smith2020\n---\nB.\n' });
    box.write({ 'review/studies/c.md': '---\nid: "caf\u00e9"\n---\nC.\n', 'review/studies/d.md': '---\nid: "cafe\u0301"\n---\nD.\n' });
    const check = await runCli('check', box.review);
    assert.equal(check.code, 1);
    assert.equal(check.out.match(/error: Study id/g)?.length, 4, check.out);
    assert.match(check.out, /studies\/a\.md:2:1: error: Study id `Smith2020` is also used by studies\/b\.md \(as `smith2020`\)/);
  });
  it('agreement matches a study named in NFC in one folder and NFD in the other', async () => {
    const text = 'A [first]{#fine} passage.\n\nA second passage #fine\n';
    box.write({ 'first/codebook.md': '# T\n- #fine: x\n', 'first/studies/caf\u00e9.md': text, 'second/codebook.md': '# T\n- #fine: x\n', 'second/studies/cafe\u0301.md': text });
    const run = await runCli('agreement', path.join(box.base, 'first'), path.join(box.base, 'second'), '--format', 'json');
    assert.equal(run.code, 0, run.err);
    const report = JSON.parse(run.out) as { units: { total: number }; overall: { percent?: number } };
    assert.equal(report.units.total, 2, run.out.slice(0, 400));
  });
});
