import { strict as assert } from 'node:assert';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { JSON_INDEX_VERSION, toJsonIndex } from '../../../src/core/jsonIndex';
import { buildReport } from '../../../src/core/report/buildReport';
import { runCli } from '../runCli';
import { DEMO, FIXTURES, load, rewrittenCopy } from './reportFixtures';

const META = path.join(FIXTURES, 'meta-ethnography');

describe('index --json: the meta-ethnography translation', () => {
  const copies: string[] = [];
  after(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** A copy of the fixture whose qualsynth.yaml names another method (or none). */
  function withMethod(method: string | undefined): string {
    const copy = rewrittenCopy(META, { crlf: false });
    copies.push(copy);
    const yaml = readFileSync(path.join(copy, 'qualsynth.yaml'), 'utf8').replace(/^method: .*\n/m, method ? `method: ${method}\n` : '');
    writeFileSync(path.join(copy, 'qualsynth.yaml'), yaml);
    return copy;
  }

  it('has the fixture’s concepts, cells with segment references and relations, whole', async () => {
    const json = toJsonIndex(await load(META));
    assert.equal(json.version, 1);
    assert.equal(JSON_INDEX_VERSION, 1, 'an optional key is a compatible change');
    assert.deepEqual(Object.keys(json), ['version', 'studies', 'codes', 'segments', 'themes', 'problems', 'memos', 'translation']);
    const { translation } = json;
    assert.ok(translation);
    assert.deepEqual(translation.conceptSource, 'themes');
    assert.deepEqual(translation.concepts, [
      { key: 'Being written off', label: 'Being written off', kind: 'theme', path: ['Being written off'], codes: ['prejudice'], studies: 2, segments: 3 },
      { key: 'Pay as worth', label: 'Pay as worth', kind: 'theme', path: ['Pay as worth'], codes: ['low-pay'], studies: 2, segments: 3 },
      { key: 'Hope from a peer', label: 'Hope from a peer', kind: 'theme', path: ['Hope from a peer'], codes: ['hope'], studies: 3, segments: 6 },
    ]);
    // A cell's segments as `path:line text` of the index's segments[] they refer to.
    const cells = translation.cells.map((cell) => [cell.concept, cell.study, cell.path, ...cell.segments.map((at) => `${json.segments[at].path}:${json.segments[at].start.line} ${json.segments[at].text}`)]);
    assert.deepEqual(cells, [
      ['Being written off', 'lee-1999', 'studies/lee-1999.md'],
      ['Being written off', 'smith-2005a', 'studies/smith-2005a.md', 'studies/smith-2005a.md:24 being left out of handover', 'studies/smith-2005a.md:18 "They still see me as a patient." (peer worker)'],
      ['Being written off', 'smith-2005b', 'studies/smith-2005b.md', 'studies/smith-2005b.md:21 a shared sense of being written off'],
      ['Being written off', 'jones-2010', 'studies/jones-2010.md'],
      ['Pay as worth', 'lee-1999', 'studies/lee-1999.md'],
      ['Pay as worth', 'smith-2005a', 'studies/smith-2005a.md', 'studies/smith-2005a.md:25 pay that did not cover rent', 'studies/smith-2005a.md:21 "I\'m paid less than the cleaner." (peer worker)'],
      ['Pay as worth', 'smith-2005b', 'studies/smith-2005b.md'],
      ['Pay as worth', 'jones-2010', 'studies/jones-2010.md', "studies/jones-2010.md:20 were surprised the worker was paid so little"],
      ['Hope from a peer', 'lee-1999', 'studies/lee-1999.md', 'studies/lee-1999.md:13 "Someone who has been there." (recipient)', 'studies/lee-1999.md:16 "Another one who has been there." (recipient)', 'studies/lee-1999.md:19 "A third voice of hope." (recipient)'],
      ['Hope from a peer', 'smith-2005a', 'studies/smith-2005a.md'],
      ['Hope from a peer', 'smith-2005b', 'studies/smith-2005b.md', 'studies/smith-2005b.md:18 "Seeing him well made me think I could be." (recipient)'],
      ['Hope from a peer', 'jones-2010', 'studies/jones-2010.md', "studies/jones-2010.md:19 linked hope to the worker's own story", 'studies/jones-2010.md:13 "She showed me there is a way back." (recipient)'],
    ]);
    assert.deepEqual(translation.relations, [
      { from: 'Being written off', to: 'Pay as worth', kind: 'reciprocal', source: 'codebook', path: 'codebook.md', line: 8, basis: "both read the service's view of peer workers' worth." },
      { from: 'Being written off', to: 'Hope from a peer', kind: 'refutational', source: 'codebook', path: 'codebook.md', line: 10, basis: 'recipients see the recovery staff doubt.' },
      { from: 'Pay as worth', to: 'Hope from a peer', kind: 'reciprocal', source: 'memo', path: 'memos/pay-and-hope.md', line: 5, memo: 'Pay and hope as one reading of worth' },
    ]);
  });

  it('holds what translation.csv and relations.csv hold, from the one model', async () => {
    const review = await load(META);
    const json = toJsonIndex(review);
    const { csv } = buildReport(review, { formats: ['csv'] });
    const cells = (parse(csv!['translation.csv']!) as string[][]).slice(1);
    assert.deepEqual(cells.map((row) => [row[0], row[2], row[5].split('\n').filter(Boolean), row[7].split('; ').filter(Boolean).map(Number)]), json.translation!.cells.map((cell) => [cell.concept, cell.study, cell.segments.map((at) => json.segments[at].text), cell.segments.map((at) => json.segments[at].start.line)]));
    const relations = (parse(csv!['relations.csv']!) as string[][]).slice(1);
    assert.deepEqual(relations.map((row) => row.slice(0, 4)), json.translation!.relations.map((relation) => [relation.from, relation.to, relation.kind, `${relation.path}:${relation.line}`]));
  });

  it('is left out for any other method, the rest of the index unchanged', async () => {
    const meta: Partial<ReturnType<typeof toJsonIndex>> = toJsonIndex(await load(META));
    delete meta.translation;
    for (const method of ['thematic-synthesis', 'framework', undefined]) {
      const other = toJsonIndex(await load(withMethod(method)));
      assert.equal('translation' in other, false, `method ${method}`);
      assert.deepEqual(other, meta);
    }
    assert.equal('translation' in toJsonIndex(await load(DEMO)), false, 'the demo is a thematic synthesis');
  });

  it('qualsynth index --json prints it', async () => {
    const result = await runCli('index', META, '--json');
    assert.equal(result.code, 0, result.err);
    const json = JSON.parse(result.out);
    assert.deepEqual(Object.keys(json.translation), ['conceptSource', 'concepts', 'cells', 'relations']);
    assert.equal(json.translation.cells.length, 3 * 4);
  });
});
