import { strict as assert } from 'node:assert';
import { codeCard } from '../../../src/core/codeCard';
import { codeColours } from '../../../src/core/codeColours';
import { parseCodebook } from '../../../src/core/codebook';
import { ReviewIndex } from '../../../src/core/reviewIndex';
import { parseStudy } from '../../../src/core/study';

const CODEBOOK = `# Workers
- #pay: Pay below that of colleagues.
## Roles
Colour: #2a9d8f
- #role: Unclear role.
### Tasks
- #tasks: Tasks nobody else does.
# Recipients
- #network: Wider social contacts.
## Trust
Colour: #12
- #trust: Trust in the worker.
- #pay: Also felt by recipients.
# Services
Colour: teal
- #referral: Referred on.
`;

function index(): ReviewIndex {
  const built = new ReviewIndex();
  built.setCodebook(parseCodebook('codebook.md', CODEBOOK));
  built.setStudy(parseStudy('studies/one.md', '---\nid: one\n---\n[low]{#pay} and [x]{#new-code}.\n'));
  built.setStudy(parseStudy('studies/two.md', '---\nid: two\n---\n[also low]{#pay}. [y]{#pay #role}.\n'));
  return built;
}

describe('codeCard', () => {
  const built = index();

  it('gives a defined code its definition, every theme path and its counts', () => {
    assert.deepEqual(codeCard('pay', built.getCode('pay')), {
      name: 'pay',
      defined: true,
      definition: 'Pay below that of colleagues.',
      themes: ['Workers', 'Recipients › Trust'],
      segmentCount: 3,
      studyCount: 2,
    });
  });

  it('marks a code used but not defined as uncategorised, with no themes', () => {
    assert.deepEqual(codeCard('new-code', built.getCode('new-code')), { name: 'new-code', defined: false, definition: '', themes: [], segmentCount: 1, studyCount: 1 });
  });

  it('takes the counts it is given (a filtered view) and knows nothing of an unknown name', () => {
    const filtered = codeCard('pay', built.getCode('pay'), { segmentCount: 1, studyCount: 1 });
    assert.deepEqual([filtered.definition, filtered.segmentCount, filtered.studyCount], ['Pay below that of colleagues.', 1, 1]);
    assert.deepEqual(codeCard('nothing', undefined), { name: 'nothing', defined: false, definition: '', themes: [], segmentCount: 0, studyCount: 0 });
  });
});

describe('codeColours', () => {
  const colours = codeColours(index().themes());

  it('gives top-level theme n palette colour n (the first is 0, not "no colour")', () => {
    assert.equal(colours.get('pay'), 0);
    assert.equal(colours.get('network'), 1);
  });

  it('lets a sub-theme name its own colour, inherited by its sub-themes', () => {
    assert.equal(colours.get('role'), '#2a9d8f');
    assert.equal(colours.get('tasks'), '#2a9d8f');
  });

  it('ignores a Colour: that is no CSS colour (#12: the parent theme colour stays) and takes colour names', () => {
    assert.equal(colours.get('trust'), 1);
    assert.equal(colours.get('referral'), 'teal');
  });

  it('colours a code filed under two themes by the first, and leaves undefined codes out', () => {
    assert.equal(colours.get('pay'), 0);
    assert.equal(colours.has('new-code'), false);
  });
});
