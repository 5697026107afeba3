import { strict as assert } from 'node:assert';
import { parseStudy } from '../../../src/core/study';
import { attributeValues, groupingKeys, groupStudies } from '../../../src/vscode/views/studyGrouping';

const studies = [
  parseStudy('studies/a.md', '---\nid: a\ncitation: "A."\nyear: 2010\ncountry: UK\nperspective: [peer workers, recipients]\ncasp:\n  findings: yes\n---\n'),
  parseStudy('studies/b.md', '---\nyear: 9\ncountry: uk\nperspective: recipients\nsetting: ward\n---\n'),
  parseStudy('studies/c.md', '---\nyear: 2001\nperspective: []\ncasp:\n  findings: no\n---\n'),
];

describe('study grouping (Studies view)', () => {
  it('offers preferred keys first, then the rest by name, with mapping fields as key.sub, never id/citation', () => {
    assert.deepEqual(groupingKeys(studies), ['perspective', 'country', 'year', 'casp.findings', 'setting']);
  });

  it('puts a study with a list attribute under each value, and studies without one last', () => {
    const groups = groupStudies(studies, 'perspective').map((group) => [group.value, group.studies.map((study) => study.id)]);
    assert.deepEqual(groups, [['peer workers', ['a']], ['recipients', ['a', 'b']], [undefined, ['c']]]);
  });

  it('orders numbers by value and text case-insensitively, and reaches into mappings', () => {
    assert.deepEqual(groupStudies(studies, 'year').map((group) => group.value), ['9', '2001', '2010']);
    assert.deepEqual(groupStudies(studies, 'country').map((group) => group.value), ['UK', 'uk', undefined]);
    assert.deepEqual(attributeValues(studies[0], 'casp.findings'), ['yes']);
    assert.deepEqual(attributeValues(studies[1], 'casp.findings'), []);
  });
});
