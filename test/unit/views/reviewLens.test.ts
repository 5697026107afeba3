import { strict as assert } from 'node:assert';
import { parseCodebook } from '../../../src/core/codebook';
import { parseFilter } from '../../../src/core/filter';
import { ReviewIndex } from '../../../src/core/reviewIndex';
import { parseStudy } from '../../../src/core/study';
import { describeFilter, NO_FILTER, ReviewLens } from '../../../src/vscode/views/reviewLens';

const CODEBOOK = '# Workers\n## Pay\n- #low-pay: Pay below colleagues.\n- #hours: Few hours.\n## Team\n- #excluded: Kept out of meetings.\n# Recipients\n- #hope: Hope for recovery.\n- #low-pay: Also here.\n- #unused: Never used.\n';
const STUDIES: Record<string, string> = {
  'studies/a.md': '---\nauthors: [Alder P]\nyear: 2010\nperspective: [peer workers]\n---\n[paid less]{#low-pay} and [left out of meetings]{#excluded #low-pay}.\n\n> "I felt hopeful." #hope\n',
  'studies/b.md': '---\nauthors: [Brook R, Cole S]\nyear: 2012\nperspective: [recipients]\n---\n[more hope]{#hope} and [a new code]{#invented}.\n',
};

function lensOf(filter = NO_FILTER): ReviewLens {
  const index = new ReviewIndex();
  index.setCodebook(parseCodebook('codebook.md', CODEBOOK));
  for (const [path, text] of Object.entries(STUDIES)) index.setStudy(parseStudy(path, text));
  return new ReviewLens(index, filter);
}

/** Per-theme and per-code counts, the way the Themes tree shows them. */
function view(lens: ReviewLens): string[] {
  const lines: string[] = [];
  for (const theme of lens.index.allThemes()) {
    if (!lens.isThemeVisible(theme)) continue;
    lines.push(`${theme.title}: ${lens.studyCountOfTheme(theme)}`);
    for (const code of lens.ownCodes(theme)) lines.push(`  #${code} ${lens.segmentCountOf(code)}/${lens.studyCountOf(code)}`);
  }
  return [...lines, `uncategorised: ${lens.uncategorisedCodes().join(' ')}`, `unused: ${lens.unusedCodes().join(' ')}`];
}

describe('review lens (what the views show under a filter)', () => {
  it('without a filter: every theme and code with the index counts, groups, codebook order', () => {
    const lens = lensOf();
    assert.equal(lens.filtered, false);
    assert.deepEqual(view(lens), ['Workers: 1', 'Pay: 1', '  #low-pay 2/1', '  #hours 0/0', 'Team: 1', '  #excluded 1/1', 'Recipients: 2', '  #hope 2/2', '  #low-pay 2/1', '  #unused 0/0', 'uncategorised: invented', 'unused: hours unused']);
    assert.deepEqual(lens.codesOfStudy(lens.index.getStudy('studies/a.md')!), ['low-pay', 'excluded', 'hope']);
    assert.equal(lens.citation('studies/b.md'), 'Brook & Cole 2012');
  });

  it('an attribute filter keeps the matching studies and hides codes, themes and unused codes without segments', () => {
    const lens = lensOf({ studies: parseFilter('perspective=recipients'), text: '' });
    assert.deepEqual(view(lens), ['Recipients: 1', '  #hope 1/1', 'uncategorised: invented', 'unused: ']);
    assert.deepEqual(lens.studies().map((study) => study.path), ['studies/b.md']);
  });

  it('a text filter matches excerpts, and code names or definitions (then every segment of the code)', () => {
    const excerpt = lensOf({ studies: NO_FILTER.studies, text: 'MEETINGS' });
    assert.deepEqual(view(excerpt), ['Workers: 1', 'Pay: 1', '  #low-pay 1/1', 'Team: 1', '  #excluded 1/1', 'Recipients: 1', '  #low-pay 1/1', 'uncategorised: ', 'unused: ']);
    assert.deepEqual(excerpt.segmentsOf('low-pay').map((segment) => segment.text), ['left out of meetings']);
    const definition = lensOf({ studies: NO_FILTER.studies, text: 'recovery' });
    assert.deepEqual(definition.segmentsOf('hope').map((segment) => segment.text), ['"I felt hopeful."', 'more hope']);
    const name = lensOf({ studies: NO_FILTER.studies, text: 'unused' });
    assert.deepEqual(view(name), ['Recipients: 0', '  #unused 0/0', 'uncategorised: ', 'unused: unused']);
    assert.deepEqual(name.studies(), []);
  });

  it('describes the filter for the view title', () => {
    assert.equal(describeFilter(NO_FILTER), '');
    assert.equal(describeFilter({ studies: parseFilter('perspective=recipients;year>=2005'), text: 'pay' }), 'perspective=recipients; year>=2005 · "pay"');
  });
});
