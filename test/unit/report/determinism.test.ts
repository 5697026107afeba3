import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildReport } from '../../../src/core/report/buildReport';
import { compileReport } from '../../../src/core/report/compileReport';
import { loadManuscriptEngines } from '../../../src/node/loadEngines';
import { DEMO, FIXTURES, load, rewrittenCopy } from './reportFixtures';

/** The checked-in Markdown report of the demo review; `UPDATE_GOLDEN=1` rewrites it. */
const GOLDEN = path.join(FIXTURES, 'peer-support.synthesis.md');
const ALL = { formats: ['md', 'html', 'csv'] as const };

describe('report determinism', function () {
  this.timeout(20_000);
  const copies: string[] = [];
  after(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('renders the demo review exactly as the checked-in golden report (references in its APA style)', async () => {
    const markdown = (await compileReport(await load(DEMO), {}, loadManuscriptEngines)).output.markdown!;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, markdown);
    assert.ok(existsSync(GOLDEN), `${GOLDEN} is missing: run the test once with UPDATE_GOLDEN=1 and check the file in`);
    const golden = readFileSync(GOLDEN, 'utf8');
    // Compare line by line first, so a failure names the first differing line.
    const [actualLines, goldenLines] = [markdown.split('\n'), golden.split('\n')];
    const first = actualLines.findIndex((line, index) => line !== goldenLines[index]);
    assert.equal(first === -1 ? undefined : `line ${first + 1}: ${actualLines[first]}`, first === -1 ? undefined : `line ${first + 1}: ${goldenLines[first]}`);
    assert.equal(markdown, golden, 'the report differs from test/fixtures/report/peer-support.synthesis.md (run with UPDATE_GOLDEN=1 after checking the change)');
  });

  it('gives byte-identical files when built twice', async () => {
    const first = buildReport(await load(DEMO), ALL).files;
    const second = buildReport(await load(DEMO), ALL).files;
    assert.deepEqual(Object.keys(first), ['synthesis.md', 'prisma-flow.svg', 'thematic-map.svg', 'studies-themes.svg', 'themes-by-attribute.svg', 'code-frequencies.svg', 'synthesis.html', 'study-code.csv', 'study-theme.csv', 'segments.csv', 'memos.csv', 'evidence-profile.csv', 'sensitivity.csv']);
    assert.deepEqual(second, first);
  });

  for (const crlf of [false, true]) {
    it(`gives byte-identical files for a copy created in reverse order${crlf ? ' with CRLF line endings' : ''}`, async () => {
      const copy = rewrittenCopy(DEMO, { crlf });
      copies.push(copy);
      if (crlf) assert.match(readFileSync(path.join(copy, 'codebook.md'), 'utf8'), /\r\n/);
      const original = buildReport(await load(DEMO), ALL).files;
      const rewritten = buildReport(await load(copy), ALL).files;
      for (const name of Object.keys(original)) assert.equal(rewritten[name], original[name], `${name} differs`);
      assert.ok(!Object.values(rewritten).some((text) => text.includes('\r')), 'no CR in any output');
    });
  }

  it('prints no date unless a timestamp is given, then one "Generated" line', async () => {
    const review = await load(DEMO);
    const plain = buildReport(review, ALL).files;
    // The demo's memos carry their own dates (2012-…): only the clock's must not appear.
    const today = new Date().toISOString().slice(0, 10);
    assert.ok(!Object.values(plain).some((text) => text.includes(today) || /\b20[2-9]\d-\d\d-\d\d\b/.test(text) || /Generated/.test(text)));
    const dated = buildReport(review, { ...ALL, timestamp: '2031-02-03' });
    assert.match(dated.markdown!, /\n\*\*Generated:\*\* 2031-02-03\n/);
    assert.match(dated.html!, /<strong>Generated:<\/strong> 2031-02-03/);
    assert.equal(dated.markdown!.replace('**Generated:** 2031-02-03\n\n', ''), plain['synthesis.md']);
  });
});
