import { strict as assert } from 'node:assert';
import { DEFAULT_CONFIG, isInsideReview, parseConfig } from '../../../src/core/config';

describe('qualsynth.yaml', () => {
  it('applies defaults when absent', () => assert.deepEqual(parseConfig(undefined).config, DEFAULT_CONFIG));
  it('reads every key', () => {
    const { config, problems } = parseConfig('title: T\nquestion: Q?\nmethod: meta-ethnography\nstudies: "papers/*.md"\ncodebook: themes.md\nreportDir: out\nreviewers: [JB, KL]\nstudyColumns: [year]\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(config, { title: 'T', question: 'Q?', method: 'meta-ethnography', studies: 'papers/*.md', codebook: 'themes.md', reportDir: 'out', reviewers: ['JB', 'KL'], studyColumns: ['year'] });
  });
  it('refuses paths that leave the review folder', () => {
    const { config, problems } = parseConfig('title: T\nreportDir: ../../etc\n');
    assert.equal(config.reportDir, 'reports');
    assert.equal(problems[0].range.startPosition.line, 1);
    assert.match(problems[0].message, /outside the review folder/);
  });
  it('locates invalid YAML', () => {
    const { problems } = parseConfig('title: T\nreviewers: [a\n');
    assert.match(problems[0].message, /Invalid YAML in qualsynth.yaml/);
  });
  for (const path of ['/etc/passwd', '..', 'a/../../b', 'C:\\x', '\\\\server\\share']) {
    it(`isInsideReview rejects ${path}`, () => assert.equal(isInsideReview(path), false));
  }
  it('isInsideReview accepts a nested glob', () => assert.equal(isInsideReview('studies/**/*.md'), true));
});
