import { strict as assert } from 'node:assert';
import picomatch from 'picomatch';
import { parseCodebook } from '../../../src/core/codebook';
import { renameCodeEdits } from '../../../src/core/edits/renameCode';
import { applyEdits, editsByPath, type TextEdit } from '../../../src/core/edits/textEdit';
import { memoFirstLines, parseMemo } from '../../../src/core/memo/memo';
import { memosAboutCode, memosAboutStudy, memosAboutTheme, reviewMemos } from '../../../src/core/memo/memoLinks';
import { toJsonIndex } from '../../../src/core/jsonIndex';
import { loadReview } from '../../../src/core/review';
import { ReviewIndex } from '../../../src/core/reviewIndex';
import { parseStudy } from '../../../src/core/study';

const CODEBOOK = '# Working as a peer\n\n## Pay\n- #low-pay: Pay below colleagues.\n- #hours: Few hours.\n\n# Receiving support\n- #hope: Hope.\n';
const STUDY = '---\nid: jones-2010\n---\n[Paid less]{#low-pay} and [hope]{#hope}.\n';
const MEMO = [
  '---',
  'title: Pay as recognition',
  'author: JB',
  'date: 2012-05-02',
  'about:',
  '  codes: [low-pay, "#hours"]',
  '  themes: ["Working as a peer > Pay"]',
  '  studies: [jones-2010]',
  '---',
  '',
  'Low pay (#low-pay) reads as a lack of recognition, not only of money.',
  'See also #hope.',
  '',
  'Second paragraph.',
  '',
].join('\n');

function index(memos: Record<string, string>): { index: ReviewIndex; texts: Map<string, string> } {
  const result = new ReviewIndex();
  result.setCodebook(parseCodebook('codebook.md', CODEBOOK));
  result.setStudy(parseStudy('studies/jones-2010.md', STUDY));
  for (const [path, text] of Object.entries(memos)) result.setMemo(parseMemo(path, text));
  return { index: result, texts: new Map([['codebook.md', CODEBOOK], ['studies/jones-2010.md', STUDY], ...Object.entries(memos)]) };
}

function applyAll(texts: Map<string, string>, edits: TextEdit[]): Map<string, string> {
  const result = new Map(texts);
  for (const [path, fileEdits] of editsByPath(edits)) result.set(path, applyEdits(texts.get(path)!, fileEdits));
  return result;
}

describe('memo files', () => {
  it('reads title, author, date, what the memo is about and the body references', () => {
    const memo = parseMemo('memos/pay.md', MEMO);
    assert.equal(memo.title, 'Pay as recognition');
    assert.equal(memo.author, 'JB');
    assert.equal(memo.date, '2012-05-02');
    assert.deepEqual(memo.about.codes.map((target) => target.value), ['low-pay', 'hours']);
    assert.deepEqual(memo.about.themes.map((target) => target.value), [['Working as a peer', 'Pay']]);
    assert.deepEqual(memo.about.studies.map((target) => target.value), ['jones-2010']);
    assert.equal(memo.about.review, false);
    assert.deepEqual(memo.tags.map((tag) => tag.code), ['low-pay', 'hope']);
    assert.deepEqual(memo.problems, []);
    assert.equal(memoFirstLines(memo), 'Low pay (#low-pay) reads as a lack of recognition, not only of money. See also #hope.');
  });

  it('locates each target in the front matter, so problems and renames point at the name', () => {
    const memo = parseMemo('memos/pay.md', MEMO);
    for (const target of [...memo.about.codes, ...memo.about.studies]) assert.equal(MEMO.slice(target.range.start, target.range.end), target.value);
    assert.equal(MEMO.slice(memo.about.themes[0].range.start, memo.about.themes[0].range.end), 'Pay');
  });

  it('accepts `about: review`, theme paths as lists, and a title from the first heading', () => {
    const memo = parseMemo('memos/loa.md', '---\nabout: review\n---\n# Line of argument\n\nPeer work is translation.\n');
    assert.equal(memo.about.review, true);
    assert.equal(memo.title, 'Line of argument');
    assert.equal(memoFirstLines(memo), 'Peer work is translation.');
    const listed = parseMemo('memos/t.md', '---\nabout:\n  themes:\n    - [Working as a peer, Pay]\n  review: true\n---\nText\n');
    assert.deepEqual(listed.about.themes.map((target) => target.value), [['Working as a peer', 'Pay']]);
    assert.equal(listed.about.review, true);
    assert.equal(listed.title, 't');
  });

  it('warns, located, about a memo that says nothing of what it is about or names an unknown key', () => {
    const none = parseMemo('memos/x.md', 'Just text.\n');
    assert.deepEqual(none.problems.map((problem) => [problem.kind, problem.range.startPosition.line]), [['memo-target', 0]]);
    const odd = parseMemo('memos/y.md', '---\ntitle: Y\nabout:\n  chapters: [1]\n---\n');
    assert.deepEqual(odd.problems.map((problem) => [problem.kind, problem.range.startPosition.line]), [['memo-target', 2]]);
    assert.match(odd.problems[0].message, /chapters/);
    const broken = parseMemo('memos/z.md', '---\nabout: [\n---\n');
    assert.equal(broken.problems[0].kind, 'invalid-front-matter');
  });

  it('never makes segments: a memo does not count as coding, and its tags are not uses', () => {
    const { index: review } = index({ 'memos/pay.md': MEMO, 'memos/new.md': '---\nabout: { codes: [hours] }\n---\n#hours only here.\n' });
    assert.equal(review.getCode('hours')!.segmentCount, 0);
    assert.deepEqual(review.unusedCodes(), ['hours']);
    assert.equal(review.summary().segments, 2);
    assert.deepEqual(review.studies().map((study) => study.path), ['studies/jones-2010.md']);
  });

  it('finds the memos about a code, a theme, a study and the review', () => {
    const { index: review } = index({ 'memos/pay.md': MEMO, 'memos/loa.md': '---\nabout: review\n---\nLine.\n' });
    assert.deepEqual(memosAboutCode(review, 'low-pay').map((memo) => memo.path), ['memos/pay.md']);
    assert.deepEqual(memosAboutCode(review, 'hope').map((memo) => memo.path), []);
    assert.deepEqual(memosAboutTheme(review, ['Working as a peer', 'Pay']).map((memo) => memo.path), ['memos/pay.md']);
    assert.deepEqual(memosAboutTheme(review, ['Working as a peer']).map((memo) => memo.path), []);
    assert.deepEqual(memosAboutStudy(review, 'jones-2010').map((memo) => memo.path), ['memos/pay.md']);
    assert.deepEqual(reviewMemos(review).map((memo) => memo.path), ['memos/loa.md']);
  });

  it('reports codes, themes and studies that do not exist, at the name written', () => {
    const text = '---\nabout:\n  codes: [low-pya]\n  themes: ["Working as a peer > Wages"]\n  studies: [jones-2011]\n---\nSee #hpoe.\n';
    const { index: review } = index({ 'memos/typo.md': text });
    const problems = review.problemsOf('memos/typo.md');
    assert.deepEqual(problems.map((problem) => [problem.kind, text.slice(problem.range.start, problem.range.end)]), [
      ['memo-unknown-target', 'low-pya'],
      ['memo-unknown-target', '#hpoe'],
      ['memo-unknown-target', 'Wages'],
      ['memo-unknown-target', 'jones-2011'],
    ]);
    assert.ok(problems.every((problem) => problem.severity === 'warning' && problem.path === 'memos/typo.md'));
    assert.equal(review.problems().filter((problem) => problem.path === 'memos/typo.md').length, 4);
    assert.deepEqual(index({ 'memos/pay.md': MEMO }).index.problemsOf('memos/pay.md'), []);
  });

  it('renames a code in memos too: about: names and body tags, every other byte kept (whole files)', () => {
    const { index: review, texts } = index({ 'memos/pay.md': MEMO });
    const after = applyAll(texts, renameCodeEdits(review, texts, 'low-pay', 'pay/low'));
    assert.equal(after.get('memos/pay.md'), MEMO.replace('codes: [low-pay,', 'codes: [pay/low,').replace('(#low-pay)', '(#pay/low)'));
    assert.equal(after.get('studies/jones-2010.md'), STUDY.replace('#low-pay', '#pay/low'));
    assert.equal(after.get('codebook.md'), CODEBOOK.replace('#low-pay:', '#pay/low:'));
  });

  it('merging a code renames its memo references (they are words, not coding)', () => {
    const { index: review, texts } = index({ 'memos/pay.md': MEMO });
    const after = applyAll(texts, renameCodeEdits(review, texts, 'hours', 'low-pay'));
    assert.equal(after.get('memos/pay.md'), MEMO.replace('"#hours"', '"#low-pay"'));
  });

  it('loads memo files from the memo folder apart from studies, even when the study glob covers them', async () => {
    const files: Record<string, string> = {
      'qualsynth.yaml': 'studies: "**/*.md"\nmemos: notes\n',
      'codebook.md': CODEBOOK,
      'studies/jones-2010.md': STUDY,
      'notes/pay.md': MEMO,
      'notes/sub/loa.md': '---\nabout: review\n---\n#low-pay is not a segment here.\n',
    };
    const bytes = (path: string): Uint8Array | undefined => (files[path] === undefined ? undefined : new TextEncoder().encode(files[path]));
    const review = await loadReview({ findFiles: async (glob) => Object.keys(files).filter((path) => picomatch(glob)(path)).sort(), readFile: async (path) => bytes(path) });
    assert.deepEqual(review.index.studies().map((study) => study.path), ['studies/jones-2010.md']);
    assert.deepEqual(review.index.memos().map((memo) => memo.path), ['notes/pay.md', 'notes/sub/loa.md']);
    assert.equal(review.index.getCode('low-pay')!.segmentCount, 1);
    assert.deepEqual(toJsonIndex(review).memos[0], {
      path: 'notes/pay.md', title: 'Pay as recognition', author: 'JB', date: '2012-05-02',
      about: { codes: ['low-pay', 'hours'], themes: [['Working as a peer', 'Pay']], studies: ['jones-2010'], review: false },
      references: ['low-pay', 'hope'], text: MEMO.slice(MEMO.indexOf('Low pay')).trim(),
    });
    files['notes/pay.md'] = MEMO.replace('title: Pay as recognition', 'title: Pay');
    delete files['notes/sub/loa.md'];
    await review.applyFileEvents([{ kind: 'changed', path: 'notes/pay.md' }, { kind: 'deleted', path: 'notes/sub/loa.md' }]);
    assert.deepEqual(review.index.memos().map((memo) => memo.title), ['Pay']);
    // A watcher may report a new folder alone: its memos are read all the same.
    files['notes/new/a.md'] = '---\nabout: review\n---\nNew.\n';
    await review.applyFileEvents([{ kind: 'created', path: 'notes/new' }]);
    assert.deepEqual(review.index.memos().map((memo) => memo.path), ['notes/new/a.md', 'notes/pay.md']);
    delete files['notes/new/a.md'];
    await review.applyFileEvents([{ kind: 'deleted', path: 'notes/new' }]);
    assert.deepEqual(review.index.memos().map((memo) => memo.path), ['notes/pay.md']);
  });
});
