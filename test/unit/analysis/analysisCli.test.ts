import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { runCli } from '../runCli';
import { CODEBOOK, STUDIES } from './fixture';

/** The hand-computed fixture as a review folder. */
function fixtureFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'qualsynth-analysis-'));
  writeFileSync(path.join(dir, 'codebook.md'), CODEBOOK);
  writeFileSync(path.join(dir, 'qualsynth.yaml'), 'studyColumns: [citation, year, country, perspective, participants]\n');
  mkdirSync(path.join(dir, 'studies'));
  for (const [file, text] of Object.entries(STUDIES)) writeFileSync(path.join(dir, 'studies', file), text);
  return dir;
}

describe('qualsynth matrix and cooccurrence', () => {
  const dir = fixtureFolder();
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('are listed in --help with their options', async () => {
    const help = await runCli('--help');
    assert.match(help.out, /\n {2}matrix {5}Matrix coding/);
    assert.match(help.out, /\n {2}cooccurrence Code co-occurrence/);
    assert.match((await runCli('matrix', '--help')).out, /--cols X[\s\S]*--measure M[\s\S]*--filter expr/);
    assert.match((await runCli('cooccurrence', '--help')).out, /--unit segment[\s\S]*--unit block[\s\S]*--unit study/);
  });

  it('matrix: themes × the first list-valued column by default, counting studies, as a Markdown table', async () => {
    const result = await runCli('matrix', dir);
    assert.equal(result.code, 0, result.err);
    assert.equal(
      result.out,
      [
        '| Theme \\ perspective (studies) | recipients (n=2) | workers (n=2) | (not given) (n=1) | Total |',
        '| - | - | - | - | - |',
        '| Roles | 1 | 2 | 0 | 2 |',
        '| Recovery | 2 | 2 | 0 | 3 |',
        '| Total | 2 | 2 | 0 | 3 |',
        '',
        '4 studies; totals count each segment and study once.',
        '',
      ].join('\n'),
    );
  });

  it('matrix: codes × a binned attribute, segments, as CSV; with a filter', async () => {
    const result = await runCli('matrix', dir, '--rows', 'codes', '--cols', 'year', '--bin', '10', '--measure', 'segments', '--format', 'csv', '--filter', 'perspective=workers');
    assert.equal(result.code, 0, result.err);
    assert.deepEqual(parse(result.out), [
      ['Code \\ year (segments)', '2000–2009 (n=1)', '2010–2019 (n=1)', 'Total'],
      ['pay', '2', '1', '3'],
      ['boundary', '1', '0', '1'],
      ['friend', '1', '1', '2'],
      ['hope', '1', '1', '2'],
      ['stigma', '1', '1', '2'],
      ['Total', '5', '3', '8'],
    ]);
  });

  it('matrix: JSON with the schema version, and participants with the studies that give none', async () => {
    const result = await runCli('matrix', dir, '--measure', 'participants', '--format', 'json');
    const json = JSON.parse(result.out) as { version: number; cells: number[][]; withoutParticipants: number };
    assert.deepEqual([json.version, json.cells, json.withoutParticipants], [1, [[8, 18, 0], [8, 18, 0]], 1]);
  });

  it('cooccurrence: pairs by passage with n, c and the studies', async () => {
    const result = await runCli('cooccurrence', dir, '--format', 'csv');
    assert.equal(result.code, 0, result.err);
    assert.deepEqual(parse(result.out), [
      ['Code A', 'Code B', 'Passages with both', 'n(A)', 'n(B)', 'c', 'Studies', 'Study ids'],
      ['boundary', 'friend', '1', '1', '2', '0.500', '1', 'a'],
      ['hope', 'emerging', '1', '3', '1', '0.333', '1', 'c'],
      ['hope', 'stigma', '1', '3', '2', '0.250', '1', 'b'],
      ['pay', 'hope', '1', '3', '3', '0.200', '1', 'a'],
    ]);
    const blocks = JSON.parse((await runCli('cooccurrence', dir, '--unit', 'block', '--top', '1', '--format', 'json')).out) as { units: number; pairs: Array<{ a: string; b: string; count: number; studyIds: string[] }> };
    assert.deepEqual([blocks.units, blocks.pairs], [6, [{ a: 'pay', b: 'hope', count: 2, coefficient: 0.5, studies: 2, studyIds: ['a', 'b'] }]]);
    assert.match((await runCli('cooccurrence', dir)).out, /Passages with coded text: 8 \(4 studies analysed\); 4 pairs\./);
  });

  it('explain bad options, unknown attributes and filters with exit code 2', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['matrix', dir, '--cols', 'setting'], /no study has the attribute `setting`/],
      [['matrix', dir, '--measure', 'words'], /--measure takes studies, segments, participants, not `words`/],
      [['matrix', dir, '--cols', 'studies', '--bin', '5'], /--bin groups the values of an attribute/],
      [['matrix', dir, '--level', '3'], /no themes at level 3/],
      [['matrix', dir, '--level', 'x'], /--level takes a whole number of at least 1, not `x`/],
      [['matrix', dir, '--filter', 'year>>2'], /qualsynth matrix: --filter: Invalid filter `year>>2` at column 6/],
      [['cooccurrence', dir, '--unit', 'line'], /--unit takes segment, block, study, not `line`/],
      [['cooccurrence', dir, '--format', 'xml'], /--format takes md, csv or json/],
      [['cooccurrence', path.join(dir, 'missing')], /no such folder/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(...args);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.err, message);
    }
  });
});
