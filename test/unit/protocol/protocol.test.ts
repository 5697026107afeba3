import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { includedStudiesProblems, parseConfig } from '../../../src/core/config';
import type { Problem } from '../../../src/core/model';
import { yamlLine } from '../../../src/core/protocol/yamlLines';

const DEMO_CONFIG = path.resolve(__dirname, '../../../examples/peer-support/qualsynth.yaml');

/** `line: severity: message` of each problem, 1-based lines as the CLI prints them. */
const located = (problems: readonly Problem[]): string[] => problems.map((p) => `${p.range.startPosition.line + 1}: ${p.severity}: ${p.message}`);

/** A protocol whose PRISMA counts add up: 1000 − 200 = 800 − 700 = 100 − 2 = 98 − 70 = 28 reports, 25 studies. */
const GOOD = `title: T
protocol:
  methodRationale: Suits experiences.
  search:
    approach: comprehensive
    sources:
      - name: MEDLINE (Ovid)
        dates: 1946 to March 2012
      - CINAHL
    lastSearched: 2012-03-14
    strategy: peer support AND qualitative
  criteria:
    inclusion: [qualitative, adults]
    exclusion: opinion pieces
  screening: Two reviewers, independently.
  prisma:
    identified:
      databases: { MEDLINE: 600, CINAHL: 400 }
      registers: 0
    removed: { duplicates: 200 }
    screened: 800
    excluded: 700
    sought: 100
    notRetrieved: 2
    assessed: 98
    reportsExcluded:
      "Not qualitative": 50
      Wrong population: 20
    included:
      studies: 25
      reports: 28
  appraisal:
    appraisers: [JB, PR]
`;

describe('protocol fields in qualsynth.yaml', () => {
  it('reads a complete protocol without problems', () => {
    const { config, problems } = parseConfig(GOOD);
    assert.deepEqual(located(problems), []);
    const protocol = config.protocol!;
    assert.deepEqual(protocol.search?.sources, [{ name: 'MEDLINE (Ovid)', dates: '1946 to March 2012' }, { name: 'CINAHL' }]);
    assert.equal(protocol.search?.lastSearched, '2012-03-14', 'an unquoted YAML date is kept as YYYY-MM-DD');
    assert.deepEqual(protocol.inclusion, ['qualitative', 'adults']);
    assert.deepEqual(protocol.exclusion, ['opinion pieces'], 'a single text is a list of one');
    assert.deepEqual(protocol.prisma?.databases, { total: 1000, parts: [{ label: 'MEDLINE', count: 600 }, { label: 'CINAHL', count: 400 }] });
    assert.deepEqual(protocol.prisma?.reportsExcluded?.parts.map((part) => part.label), ['Not qualitative', 'Wrong population']);
    assert.equal(protocol.prisma?.includedReports, 28);
    assert.deepEqual(protocol.appraisal?.appraisers, ['JB', 'PR']);
  });

  it('reads the demo review’s protocol without problems', () => {
    const text = readFileSync(DEMO_CONFIG, 'utf8');
    const { config, problems } = parseConfig(text);
    assert.deepEqual(located(problems), []);
    assert.equal(config.protocol?.prisma?.includedStudies, 27);
    assert.deepEqual(located(includedStudiesProblems(text, config, 27)), []);
  });

  describe('PRISMA arithmetic errors, located at the count that does not add up', () => {
    const cases: Array<[string, string, string, string]> = [
      ['screened', '    removed: { duplicates: 200 }', '    removed: { duplicates: 199 }', '21: error: PRISMA 2020 counts do not add up: `protocol.prisma.screened` is 800, but 1000 records identified minus 199 removed before screening is 801.'],
      ['sought', '    excluded: 700', '    excluded: 710', '23: error: PRISMA 2020 counts do not add up: `protocol.prisma.sought` is 100, but 800 records screened minus 710 excluded is 90.'],
      ['assessed', '    notRetrieved: 2', '    notRetrieved: 3', '25: error: PRISMA 2020 counts do not add up: `protocol.prisma.assessed` is 98, but 100 reports sought minus 3 not retrieved is 97.'],
      ['included reports', '      reports: 28', '      reports: 30', '31: error: PRISMA 2020 counts do not add up: `protocol.prisma.included.reports` is 30, but 98 reports assessed minus 70 excluded is 28.'],
      ['a reason of exclusion', '      Wrong population: 20', '      Wrong population: 21', '31: error: PRISMA 2020 counts do not add up: `protocol.prisma.included.reports` is 28, but 98 reports assessed minus 71 excluded is 27.'],
      ['more studies than reports', '      studies: 25', '      studies: 29', '30: error: PRISMA 2020 counts do not add up: 29 studies included from 28 reports; each included study has at least one report.'],
    ];
    for (const [what, from, to, expected] of cases) {
      it(`${what}`, () => {
        assert.ok(GOOD.includes(from));
        const { problems } = parseConfig(GOOD.replace(from, to));
        assert.equal(problems.length, 1, located(problems).join('\n'));
        assert.equal(located(problems)[0], `${expected} Correct this count or the ones it is computed from.`.replace(' report. Correct this count or the ones it is computed from.', ' report.'));
        assert.equal(problems[0].kind, 'invalid-protocol');
        assert.equal(problems[0].path, 'qualsynth.yaml');
      });
    }

    it('checks the other-methods path and adds its reports to the included ones', () => {
      const other = GOOD.replace('    included:', '    otherMethods:\n      identified: { Citation searching: 4 }\n      sought: 4\n      notRetrieved: 0\n      assessed: 5\n      reportsExcluded: { Not qualitative: 1 }\n    included:');
      assert.deepEqual(located(parseConfig(other).problems), [
        '33: error: PRISMA 2020 counts do not add up: `protocol.prisma.otherMethods.assessed` is 5, but 4 reports sought by other methods minus 0 not retrieved is 4. Correct this count or the ones it is computed from.',
        '37: error: PRISMA 2020 counts do not add up: `protocol.prisma.included.reports` is 28, but reports assessed minus reports excluded, on both paths (28 + 4) is 32. Correct this count or the ones it is computed from.',
      ]);
    });

    it('warns when the included studies are not the review’s study files', () => {
      const { config } = parseConfig(GOOD);
      assert.deepEqual(located(includedStudiesProblems(GOOD, config, 24)), ['30: warning: `protocol.prisma.included.studies`: the PRISMA flow diagram includes 25 studies, but the review has 24 study files: update the counts or the studies.']);
      assert.deepEqual(includedStudiesProblems(GOOD, config, 25), []);
    });
  });

  describe('values of the wrong kind, located', () => {
    it('a count that is not a whole number', () => {
      const { problems } = parseConfig(GOOD.replace('notRetrieved: 2', 'notRetrieved: two').replace('excluded: 700', 'excluded: -1'));
      assert.deepEqual(located(problems), ['22: error: `protocol.prisma.excluded`: expected a whole number of records (0 or more), not `-1`.', '24: error: `protocol.prisma.notRetrieved`: expected a whole number of records (0 or more), not the text "two".']);
    });
    it('a misspelt key, inside a list item', () => {
      const { problems } = parseConfig(GOOD.replace('        dates: 1946', '        date: 1946'));
      assert.deepEqual(located(problems), ['8: warning: `protocol.search.sources[0].date`: unknown key; the keys here are name, dates. Check the spelling.']);
    });
    it('a section that is not a mapping', () => {
      const { problems, config } = parseConfig('title: T\nprotocol:\n  search: [MEDLINE]\n');
      assert.deepEqual(located(problems), ['3: error: `protocol.search`: expected a mapping of `approach:`, `sources:`, `lastSearched:`, `strategy:`, `limits:`, not a list.']);
      assert.equal(config.protocol?.search, undefined);
    });
    it('a protocol that is a list', () => {
      assert.match(located(parseConfig('protocol: [a, b]\n').problems)[0], /^1: error: `protocol`: expected a mapping/);
    });
    it('a bibliography that is not a bibliography file, and an unknown citation style', () => {
      const { problems, config } = parseConfig('title: T\nbibliography: refs.docx\ncitationStyle: chicago\n');
      assert.equal(problems.length, 2);
      assert.match(located(problems)[0], /^2: error: `bibliography: refs.docx` must name a .bib, CSL-JSON .json or .ris file/);
      assert.match(located(problems)[1], /^3: error: `citationStyle: chicago` is not a style: use apa or vancouver/);
      assert.equal(config.bibliography, undefined);
      assert.equal(config.citationStyle, undefined);
    });
    it('accepts the bundled styles and a .csl file inside the review', () => {
      assert.equal(parseConfig('citationStyle: APA\n').config.citationStyle, 'apa');
      assert.equal(parseConfig('citationStyle: styles/bmj.csl\nbibliography: refs/library.bib\n').config.citationStyle, 'styles/bmj.csl');
      assert.equal(parseConfig('citationStyle: ../bmj.csl\n').problems.length, 1);
    });
  });
});

describe('yamlLine', () => {
  const text = 'a:\n  b:\n    - x\n    - name: y\n      c: 1\n  d: { e: 2 }\nf: 3\n';
  const cases: Array<[Array<string | number>, number]> = [
    [['a'], 0],
    [['a', 'b'], 1],
    [['a', 'b', 1], 3],
    [['a', 'b', 1, 'name'], 3],
    [['a', 'b', 1, 'c'], 4],
    [['a', 'd', 'e'], 5],
    [['f'], 6],
    [['a', 'missing'], 0],
    [['a', 'b', 5], 1],
  ];
  for (const [keys, line] of cases) it(`${keys.join('.')} is on line ${line}`, () => assert.equal(yamlLine(text, keys), line));
  it('does not take a grandchild for a child', () => assert.equal(yamlLine('a:\n  b:\n    c: 1\n  c: 2\n', ['a', 'c']), 3));
});
