import { strict as assert } from 'node:assert';
import { DEFAULT_CONFIG, isInsideReview, parseConfig } from '../../../src/core/config';

describe('qualsynth.yaml', () => {
  it('applies defaults when absent', () => assert.deepEqual(parseConfig(undefined).config, DEFAULT_CONFIG));
  it('reads every key', () => {
    const { config, problems } = parseConfig('title: T\nquestion: Q?\nmethod: meta-ethnography\nstudies: "papers/*.md"\ncodebook: themes.md\nreportDir: out\nmemos: notes/memos/\nreviewers: [JB, KL]\nstudyColumns: [year]\ncerqual:\n  relevance: [country]\n  sensitivity: "casp.findings=yes"\n');
    assert.deepEqual(problems, []);
    const cerqual = { relevance: ['country'], sensitivity: { conditions: [{ key: 'casp.findings', operator: '=', values: ['yes'] }] } };
    assert.deepEqual(config, { title: 'T', question: 'Q?', method: 'meta-ethnography', studies: 'papers/*.md', codebook: 'themes.md', reportDir: 'out', memos: 'notes/memos', reviewers: ['JB', 'KL'], studyColumns: ['year'], cerqual });
  });
  it('keeps the GRADE-CERQual defaults when cerqual: is invalid, with a located error', () => {
    const { config, problems } = parseConfig('title: T\ncerqual:\n  sensitivity: "casp.analysis=="\n  relevance: country\n');
    assert.deepEqual(config.cerqual.sensitivity, DEFAULT_CONFIG.cerqual.sensitivity);
    assert.deepEqual(config.cerqual.relevance, DEFAULT_CONFIG.cerqual.relevance);
    assert.deepEqual(problems.map((problem) => [problem.range.startPosition.line, problem.message.split(' ')[0]]), [[1, '`cerqual.relevance`'], [1, '`cerqual.sensitivity`']]);
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
