import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { runCli } from '../runCli';
import { renderAgreementMarkdown } from '../../../src/core/agreement/agreementMarkdown';
import type { StatisticsPair } from '../../../src/core/agreement/agreementModel';
import { agreementOfSources } from '../../../src/node/git/agreementOfSources';
import { TempRepo } from '../git/tempRepo';

const cli = runCli;

/** Statistics rounded to three decimals: [agreement, κ, α] over all units, then over coded units. */
function rounded(pair: StatisticsPair): number[] {
  const round = (value: number | null) => (value === null ? NaN : Number(value.toFixed(3)));
  return [pair.all, pair.coded].flatMap((stats) => [round(stats.percentAgreement), round(stats.cohensKappa), round(stats.krippendorffAlpha)]);
}

const S1 = (p1: string, p2: string, p4: string, p5: string) => `---\nid: s1\n---\n${p1}\n\n${p2}\n\nParagraph three is here.\n\n${p4}\n\n${p5}\n`;

describe('inter-coder agreement between coders\' branches', function () {
  this.timeout(10_000);
  let repo: TempRepo;

  before(() => {
    repo = new TempRepo();
    repo.write({
      'codebook.md': '# T\n- #x: X.\n- #y: Y.\n',
      'studies/s1.md': S1('Paragraph one is here.', 'Paragraph two is here.', 'Paragraph four is here.', 'Paragraph five is here.'),
      'studies/s2.md': '> Quote one from a participant.\n\nQuote two text.\n\nQuote three text.\n',
    });
    repo.commit('uncoded studies');
    repo.git('checkout', '--quiet', '-b', 'coder-a');
    repo.write({
      'studies/s1.md': S1('Paragraph one is here. #x', 'Paragraph [two]{#y} is here.', 'Paragraph four is here. #x', 'Paragraph five is here.'),
      'studies/s2.md': '> Quote one from a participant. #y\n\nQuote two text.\n\nQuote three text. #x\n',
    });
    repo.commit('coder A');
    repo.git('checkout', '--quiet', '-b', 'coder-b', 'main');
    repo.write({
      // Coder B tags differently (spans vs block tags, a tag line) and also edits paragraph five.
      'studies/s1.md': S1('Paragraph [one]{#x} is here.', 'Paragraph two is here. #y #x', 'Paragraph four is here.', 'Paragraph five is here, revised.'),
      'studies/s2.md': '> Quote one from a participant.\n\n#y\n\nQuote two text.\n\n[Quote three text.]{#x}\n',
    });
    repo.commit('coder B');
    repo.git('checkout', '--quiet', 'main');
  });
  after(() => repo.dispose());

  it('matches blocks across coders and computes the figures per code and overall', async () => {
    const report = await agreementOfSources(['coder-a', 'coder-b'], { reviewDir: repo.root });
    assert.deepEqual(report.coders, ['coder-a', 'coder-b']);
    // 7 shared blocks, plus paragraph five in each of its two versions (missing for the other coder).
    assert.deepEqual(report.units, { total: 9, coded: 5, incomplete: 2 });
    assert.deepEqual(report.codes.map((code) => [code.code, code.applied, code.all.units, code.coded.units]), [
      ['x', [3, 3], 7, 5],
      ['y', [2, 2], 7, 5],
    ]);
    // x over 7 blocks: A 1001001, B 1100001 → pₒ 5/7, κ 10/24, α 1 − 13·4/96; over the 5 coded blocks: 0.6, 1/6, 0.25.
    assert.deepEqual(rounded(report.codes[0]), [0.714, 0.417, 0.458, 0.6, 0.167, 0.25]);
    assert.deepEqual(rounded(report.codes[1]), [1, 1, 1, 1, 1, 1]);
    // Pooled 14 decisions: pₒ 12/14, κ 62/90, α 1 − 27·4/360; 10 coded decisions: 0.8, 0.6, 1 − 19·4/200.
    assert.deepEqual(rounded(report.overall), [0.857, 0.689, 0.7, 0.8, 0.6, 0.62]);
  });

  it('lists the disagreements with study, line, excerpt and each coder\'s codes', async () => {
    const report = await agreementOfSources(['coder-a', 'coder-b'], { reviewDir: repo.root });
    assert.deepEqual(report.disagreements, [
      { id: report.disagreements[0].id, study: 's1', path: 'studies/s1.md', line: 6, excerpt: 'Paragraph two is here.', codes: ['x'], byCoder: [['y'], ['x', 'y']] },
      { id: report.disagreements[1].id, study: 's1', path: 'studies/s1.md', line: 10, excerpt: 'Paragraph four is here.', codes: ['x'], byCoder: [['x'], []] },
    ]);
    assert.match(report.disagreements[0].id, /^d[0-9a-f]{8}$/);
    assert.notEqual(report.disagreements[0].id, report.disagreements[1].id);
    const again = await agreementOfSources(['coder-a', 'coder-b'], { reviewDir: repo.root });
    assert.deepEqual(again.disagreements.map((entry) => entry.id), report.disagreements.map((entry) => entry.id), 'stable across runs');
  });

  it('renders Markdown with κ columns for two coders and a disagreement table', async () => {
    const markdown = renderAgreementMarkdown(await agreementOfSources(['coder-a', 'coder-b'], { reviewDir: repo.root }));
    assert.match(markdown, /\| Code \| Applied \(coder-a \/ coder-b\) \| Agreement \| Cohen's κ \| Krippendorff's α \| Agreement\* \| Cohen's κ\* \| Krippendorff's α\* \|/);
    assert.match(markdown, /\| \*\*All codes \(pooled\)\*\* \| \| 85\.7% \| 0\.689 \| 0\.700 \| 80\.0% \| 0\.600 \| 0\.620 \|/);
    assert.match(markdown, /\| `#x` \| 3 \/ 3 \| 71\.4% \| 0\.417 \| 0\.458 \| 60\.0% \| 0\.167 \| 0\.250 \|/);
    assert.match(markdown, /9 blocks compared, 5 coded by at least one coder, 2 missing from some coder's version/);
    assert.match(markdown, /### Disagreements \(2\)\n\n\| Id \| Study \| Line \| Passage \| coder-a \| coder-b \|\n\|---\|---\|---:\|---\|---\|---\|\n\| d[0-9a-f]{8} \| `s1` \| 6 \| Paragraph two is here\. \| `#y` \| `#x`, `#y` \|/);
  });

  it('qualsynth agreement prints JSON, and refuses one coder or a bad unit', async () => {
    const json = await cli('agreement', 'coder-a', 'coder-b', '--dir', repo.root, '--format', 'json');
    assert.equal(json.code, 0, json.err);
    assert.equal(JSON.parse(json.out).overall.all.krippendorffAlpha.toFixed(3), '0.700');
    assert.equal((await cli('agreement', 'coder-a', '--dir', repo.root)).code, 2);
    const unit = await cli('agreement', 'coder-a', 'coder-b', '--unit', 'word', '--dir', repo.root);
    assert.equal(unit.code, 2);
    assert.match(unit.err, /--unit takes block or char/);
    const missing = await cli('agreement', 'coder-a', 'no-such-coder', '--dir', repo.root);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /`no-such-coder` is neither a folder nor a usable revision/);
  });
});

describe('inter-coder agreement between folders, character unit', () => {
  const folders: string[] = [];
  const folder = (study: string): string => {
    const root = mkdtempSync(nodePath.join(tmpdir(), 'qualsynth-coder-'));
    mkdirSync(nodePath.join(root, 'studies'));
    writeFileSync(nodePath.join(root, 'codebook.md'), '# T\n- #x: X.\n');
    writeFileSync(nodePath.join(root, 'studies', 'c1.md'), study);
    folders.push(root);
    return root;
  };
  let a: string;
  let b: string;
  let c: string;
  before(() => {
    a = folder('[one two]{#x} three four\n');
    b = folder('one [two three]{#x} four\n');
    c = folder('[one two]{#x} three four\n');
  });
  after(() => folders.forEach((root) => rmSync(root, { recursive: true, force: true })));

  it('measures character overlap over the text without tag syntax', async () => {
    const report = await agreementOfSources([a, b], { unit: 'char' });
    // "one two three four": A covers [0,7), B [4,13). 18 characters, 13 coded by someone.
    assert.deepEqual(report.units, { total: 18, coded: 13, incomplete: 0 });
    assert.deepEqual(report.codes[0].applied, [7, 9]);
    assert.deepEqual(rounded(report.codes[0]), [0.444, -0.111, -0.094, 0.231, -0.585, -0.563]);
    assert.deepEqual(
      report.disagreements.map((entry) => [entry.excerpt, entry.byCoder]),
      [
        ['one', [['x'], []]],
        ['three', [[], ['x']]],
      ],
    );
  });

  it('treats the whole block as one unit by default, where both applied #x (no variation: α n/a)', async () => {
    const report = await agreementOfSources([a, b]);
    assert.deepEqual([report.overall.all.percentAgreement, report.overall.all.krippendorffAlpha, report.disagreements.length], [1, null, 0]);
    assert.match(renderAgreementMarkdown(report), /\| `#x` \| 1 \/ 1 \| 100\.0% \| n\/a \| n\/a \|/);
  });

  it('handles three coders with Krippendorff\'s α and pairwise agreement, without κ', async () => {
    const report = await agreementOfSources([a, b, c], { unit: 'char' });
    const stats = report.overall.all;
    assert.deepEqual([stats.percentAgreement!.toFixed(3), stats.krippendorffAlpha!.toFixed(3), stats.cohensKappa, stats.scottsPi], ['0.630', '0.257', null, null]);
    assert.doesNotMatch(renderAgreementMarkdown(report), /Cohen/);
  });
});
