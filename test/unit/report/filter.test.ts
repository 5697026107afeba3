import { strict as assert } from 'node:assert';
import * as fc from 'fast-check';
import { FilterSyntaxError, formatFilter, parseFilter } from '../../../src/core/filter';
import { filterStudies, matchesFilter } from '../../../src/core/filterMatch';
import type { Study } from '../../../src/core/model';
import { parseStudy } from '../../../src/core/study';

/** A study with the given front matter (as YAML lines) and path. */
function study(path: string, frontMatter: string): Study {
  return parseStudy(path, `---\n${frontMatter}\n---\n\nText.\n`);
}

const studies = [
  study('studies/a.md', 'id: a\nyear: 2004\ncountry: USA\nperspective: [peer workers, Recipients]\nparticipants: 24\ncasp:\n  findings: yes\n  value: cant-tell'),
  study('studies/b.md', 'id: b\nyear: 2010\ncountry: UK\nperspective: recipients\ndesign: focus groups\ndate: 2010-03-01'),
  study('studies/c.md', 'id: c\nyear: "1999"\nperspective: [nonpeer staff]\ncasp:\n  findings: no'),
  study('studies/d.md', 'id: d\nyear: 2005\ncountry: usa\ndesign: "semi-structured interviews; focus groups"'),
];

const ids = (filter: string | string[]): string[] => filterStudies(studies, parseFilter(filter)).map((s) => s.id);

describe('study filter', () => {
  describe('parseFilter', () => {
    it('parses every operator', () => {
      const filter = parseFilter('a=1; b!=2; c>=3; d<=4; e>5; f<6; g~7; h!~8');
      assert.deepEqual(
        filter.conditions.map((c) => [c.key, c.operator, c.values]),
        [['a', '=', ['1']], ['b', '!=', ['2']], ['c', '>=', ['3']], ['d', '<=', ['4']], ['e', '>', ['5']], ['f', '<', ['6']], ['g', '~', ['7']], ['h', '!~', ['8']]],
      );
    });

    it('parses presence tests, dotted keys, alternatives, quotes and spaces', () => {
      const filter = parseFilter(' casp ; !memo;casp.data-collection = yes ; perspective=peer workers|recipients; citation~"a; b|c \\"d\\""');
      assert.deepEqual(
        filter.conditions.map((c) => [c.key, c.operator, c.values]),
        [['casp', 'exists', []], ['memo', 'missing', []], ['casp.data-collection', '=', ['yes']], ['perspective', '=', ['peer workers', 'recipients']], ['citation', '~', ['a; b|c "d"']]],
      );
    });

    it('ANDs several filter texts and ignores empty ones', () => {
      assert.equal(parseFilter(['country=USA', '', 'year>=2005;']).conditions.length, 2);
      assert.equal(parseFilter('').conditions.length, 0);
    });

    const errors: Array<[string, number, RegExp]> = [
      ['=USA', 1, /expected an attribute name/],
      ['country USA', 9, /expected an operator/],
      ['country==USA', 9, /starts with `=`: write one operator \(e\.g\. `country=USA`\)/],
      ['year>>2005', 6, /starts with `>`/],
      ['country=', 9, /expected a value after `country=`; to select studies without `country`, write `!country`/],
      ['year>=2005|2010', 11, /`\|` \(any of\) works with = != ~ !~, not with `>=`/],
      ['citation="Smith', 10, /quoted value is never closed/],
      ['!casp=yes', 6, /`!casp` tests that `casp` is absent and takes no value/],
      ['country="USA" x', 15, /expected `;` between conditions/],
    ];
    for (const [text, column, message] of errors) {
      it(`rejects \`${text}\` with a located message`, () => {
        assert.throws(
          () => parseFilter(text),
          (error: unknown) => {
            assert.ok(error instanceof FilterSyntaxError, String(error));
            assert.match(error.message, message);
            assert.match(error.message, new RegExp(`^Invalid filter \`${text.replace(/[|()[\]*+?.^$\\]/g, '\\$&')}\` at column ${column}: `));
            assert.equal(error.column, column);
            return true;
          },
        );
      });
    }

    it('formats canonically, and the canonical text parses back to the same filter', () => {
      const filter = parseFilter('  country != USA ;casp.findings=yes|Cant-Tell; citation~"a;b"; !memo ; casp');
      assert.equal(formatFilter(filter), 'country!=USA; casp.findings=yes|Cant-Tell; citation~"a;b"; !memo; casp');
      assert.deepEqual(parseFilter(formatFilter(filter)), filter);
    });

    it('round-trips any value through formatFilter (property)', () => {
      fc.assert(
        fc.property(fc.constantFrom('=', '!=', '~', '!~'), fc.array(fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''), { minLength: 1, maxLength: 3 }), (operator, values) => {
          const filter = { conditions: [{ key: 'k', operator, values }] } as const;
          assert.deepEqual(parseFilter(formatFilter(filter)), filter);
        }),
      );
    });
  });

  describe('matching', () => {
    it('compares case-insensitively', () => {
      assert.deepEqual(ids('country=usa'), ['a', 'd']);
      assert.deepEqual(ids('Country=USA'), ['a', 'd']);
    });

    it('matches a list attribute when any element matches', () => {
      assert.deepEqual(ids('perspective=recipients'), ['a', 'b']);
      assert.deepEqual(ids('perspective=nonpeer staff|peer workers'), ['a', 'c']);
    });

    it('treats != and !~ as "no element matches", including absent attributes', () => {
      assert.deepEqual(ids('country!=USA'), ['b', 'c']);
      assert.deepEqual(ids('perspective!=recipients'), ['c', 'd']);
      assert.deepEqual(ids('design!~focus'), ['a', 'c']);
    });

    it('orders numbers numerically (quoted numbers too) and leaves absent attributes out', () => {
      assert.deepEqual(ids('year>=2005'), ['b', 'd']);
      assert.deepEqual(ids('year<2004'), ['c']);
      assert.deepEqual(ids('year<=2004'), ['a', 'c']);
      assert.deepEqual(ids('participants>9'), ['a']);
      assert.deepEqual(ids('year=2004.0'), ['a']);
    });

    it('orders text (ISO dates) when either side is not a number', () => {
      assert.deepEqual(ids('date>2010-01-01'), ['b']);
      assert.deepEqual(ids('date<2010-01-01'), []);
    });

    it('matches substrings with ~', () => {
      assert.deepEqual(ids('design~GROUPS'), ['b', 'd']);
    });

    it('reaches into nested mappings with dots', () => {
      assert.deepEqual(ids('casp.findings=yes'), ['a']);
      assert.deepEqual(ids('casp.value=cant-tell'), ['a']);
      assert.deepEqual(ids('casp.findings!=yes'), ['b', 'c', 'd']);
    });

    it('tests presence and absence', () => {
      assert.deepEqual(ids('casp'), ['a', 'c']);
      assert.deepEqual(ids('!casp'), ['b', 'd']);
      assert.deepEqual(ids('!country'), ['c']);
    });

    it('ANDs conditions', () => {
      assert.deepEqual(ids('perspective=recipients; year>=2005'), ['b']);
      assert.deepEqual(ids(['country=USA', 'year>2004']), ['d']);
    });

    it('knows the study id and path', () => {
      assert.deepEqual(ids('id=c|d'), ['c', 'd']);
      assert.deepEqual(ids('path~/b.'), ['b']);
    });

    it('keeps every study with an empty filter', () => {
      assert.deepEqual(ids(''), ['a', 'b', 'c', 'd']);
    });

    it('matches normalised (NFC) text', () => {
      const accented = study('studies/e.md', 'country: "Re\u0301union"');
      assert.equal(matchesFilter(accented, parseFilter('country=R\u00e9union')), true);
      assert.equal(matchesFilter(accented, parseFilter('country=Reunion')), false);
    });
  });
});
