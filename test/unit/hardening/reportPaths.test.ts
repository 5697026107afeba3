import { strict as assert } from 'node:assert';
import type { ReviewHost } from '../../../src/core/host';
import { loadReview } from '../../../src/core/review';
import { canonicalFolder } from '../../../src/core/reviewPaths';
import { runCli } from '../runCli';
import { makeSandbox, type Sandbox } from './sandbox';

describe('report folder spelled in any way: reports are never indexed as studies', () => {
  let box: Sandbox;
  beforeEach(() => (box = makeSandbox()));
  afterEach(() => box.remove());

  it('canonicalFolder gives one spelling', () => {
    for (const spelling of ['reports', 'reports/', './reports', 'reports//', './reports/.', 'reports\\']) assert.equal(canonicalFolder(spelling), 'reports', spelling);
    for (const spelling of ['.', './', '', '././']) assert.equal(canonicalFolder(spelling), '', spelling);
  });
  for (const reportDir of ['reports/', './reports', '.', './out/']) {
    it(`reportDir: ${reportDir} with studies: "**/*.md"`, async () => {
      box.write({ 'review/qualsynth.yaml': `studies: "**/*.md"\nreportDir: "${reportDir}"\n` });
      const first = await runCli('report', box.review);
      assert.equal(first.code, 0, first.err);
      const again = await runCli('index', box.review, '--json');
      const studies = (JSON.parse(again.out) as { studies: Array<{ path: string }> }).studies.map((study) => study.path);
      assert.deepEqual(studies, ['studies/good.md']);
    });
  }
  for (const foldsCase of [true, false]) {
    it(`a file system that ${foldsCase ? 'folds' : 'keeps'} case: Reports/ is ${foldsCase ? '' : 'not '}the report folder reports`, async () => {
      const files: Record<string, string> = { 'qualsynth.yaml': 'studies: "**/*.md"\nreportDir: reports\n', 'codebook.md': '# T\n', 'Reports/synthesis.md': '# Report\n', 'studies/a.md': 'A.\n' };
      const host: ReviewHost = {
        foldsCase,
        findFiles: async () => Object.keys(files).filter((file) => file.endsWith('.md')),
        readFile: async (file) => (files[file] === undefined ? undefined : new TextEncoder().encode(files[file])),
      };
      const review = await loadReview(host);
      assert.deepEqual(review.index.studies().map((study) => study.path), foldsCase ? ['studies/a.md'] : ['Reports/synthesis.md', 'studies/a.md']);
    });
  }
});
