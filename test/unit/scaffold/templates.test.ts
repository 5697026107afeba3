import { strict as assert } from 'node:assert';
import { parseCodebook } from '../../../src/core/codebook';
import { parseConfig } from '../../../src/core/config';
import { ReviewIndex } from '../../../src/core/reviewIndex';
import { newReviewFiles, newStudyText, studyIdFrom } from '../../../src/core/scaffold/templates';
import { parseStudy } from '../../../src/core/study';

describe('templates', () => {
  it('a new review indexes without errors or warnings', () => {
    const files = new Map(newReviewFiles('Test review').map((file) => [file.path, file.text]));
    const { config, problems } = parseConfig(files.get('qualsynth.yaml'));
    assert.deepEqual(problems, []);
    assert.equal(config.title, 'Test review');
    const index = new ReviewIndex();
    index.setCodebook(parseCodebook('codebook.md', files.get('codebook.md')!));
    index.setStudy(parseStudy('studies/example-2020.md', files.get('studies/example-2020.md')!));
    assert.deepEqual(index.problems().filter((p) => p.severity !== 'info'), []);
    assert.equal(index.summary().segments, 2);
  });
  it('a new study has every CASP question and the given id', () => {
    const study = parseStudy('studies/x.md', newStudyText('smith-2001', 'Smith J', 2001));
    assert.equal(study.id, 'smith-2001');
    assert.equal(Object.keys(study.casp ?? {}).length, 10);
    assert.deepEqual(study.problems, []);
  });
  it('makes ids from labels, unique against existing ones', () => {
    assert.equal(studyIdFrom('Mowbray 2005', new Set()), 'mowbray-2005');
    assert.equal(studyIdFrom('Mowbray 2005', new Set(['mowbray-2005'])), 'mowbray-2005-2');
    assert.equal(studyIdFrom('Ólafsdóttir & Brú, 2011', new Set()), 'olafsdottir-bru-2011');
    assert.equal(studyIdFrom('2011', new Set()), 'study-2011');
  });
});
