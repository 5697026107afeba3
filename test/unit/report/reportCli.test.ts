import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../runCli';
import { FIXTURES } from './reportFixtures';

const MINI = path.join(FIXTURES, 'mini');

const run = runCli;

describe('qualsynth report', () => {
  const made: string[] = [];
  const temp = (): string => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qualsynth-report-cli-'));
    made.push(dir);
    return dir;
  };
  const reviewCopy = (): string => {
    const dir = temp();
    cpSync(MINI, dir, { recursive: true });
    return dir;
  };
  after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('writes synthesis.md to <dir>/<reportDir> by default and prints the summary lines', async () => {
    const dir = reviewCopy();
    const result = await run('report', dir);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /^Studies: +4\nThemes: +5\nCodes: +5\nSegments: +13\nProblems: \d+ errors, \d+ warnings, \d+ notes\nReport: +\S*reports\/synthesis\.md\n( +\S+\.svg\n){4}$/);
    assert.deepEqual(readdirSync(path.join(dir, 'reports')).sort(), ['code-frequencies.svg', 'studies-themes.svg', 'synthesis.md', 'thematic-map.svg', 'themes-by-attribute.svg']);
  });

  it('writes every format into --out, with links back to the review', async () => {
    const dir = reviewCopy();
    const out = path.join(temp(), 'report');
    const result = await run('report', dir, '--format', 'md,html,csv', '--out', out);
    assert.equal(result.code, 0, result.err);
    // The mini review is a meta-ethnography (its codes are the concepts): the translation's two files come last.
    assert.deepEqual(readdirSync(out).filter((name) => !name.endsWith('.svg')).sort(), ['evidence-profile.csv', 'memos.csv', 'relations.csv', 'segments.csv', 'sensitivity.csv', 'study-code.csv', 'study-theme.csv', 'synthesis.html', 'synthesis.md', 'translation.csv']);
    assert.match(result.out, /Report: +\S+synthesis\.md\n( +\S+\.svg\n){4} +\S+synthesis\.html\n +\S+study-code\.csv\n +\S+study-theme\.csv\n +\S+segments\.csv\n +\S+memos\.csv\n +\S+evidence-profile\.csv\n +\S+sensitivity\.csv\n +\S+translation\.csv\n +\S+relations\.csv\n$/);
    const markdown = readFileSync(path.join(out, 'synthesis.md'), 'utf8');
    const link = /\]\(([^)]+smith-2005a\.md)#L18\)/.exec(markdown)?.[1];
    assert.ok(link, 'an excerpt link to smith-2005a.md');
    assert.ok(existsSync(path.resolve(out, decodeURIComponent(link))), `${link} resolves from the report folder`);
  });

  it('applies --filter (repeatable), --excerpts, --no-uncategorised and --timestamp', async () => {
    const dir = reviewCopy();
    const out = temp();
    const result = await run('report', dir, '--out', out, '--filter', 'perspective=recipients', '--filter', 'year>=2000', '--excerpts', '1', '--no-uncategorised', '--timestamp');
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /\nFilter: +perspective=recipients; year>=2000 \(2 of 4 studies\)\n/);
    const markdown = readFileSync(path.join(out, 'synthesis.md'), 'utf8');
    assert.match(markdown, /\*\*Filter:\*\* `perspective=recipients; year>=2000` — 2 of 4 studies/);
    assert.match(markdown, /\*\*Generated:\*\* \d{4}-\d{2}-\d{2}\n/);
    assert.doesNotMatch(markdown, /mystery/);
    assert.match(markdown, /Up to 1 excerpt per code/);
  });

  it('accepts --out ending in .md as the Markdown file, the first version\'s usage', async () => {
    const dir = reviewCopy();
    const file = path.join(temp(), 'nested', 'r.md');
    assert.equal((await run('report', dir, '--out', file, '--format', 'md,csv')).code, 0);
    assert.deepEqual(readdirSync(path.dirname(file)).filter((name) => !name.endsWith('.svg')).sort(), ['evidence-profile.csv', 'memos.csv', 'r.md', 'relations.csv', 'segments.csv', 'sensitivity.csv', 'study-code.csv', 'study-theme.csv', 'translation.csv']);
  });

  const refusals: Array<[string[], RegExp]> = [
    [['--format', 'md,pdf'], /--format md,pdf: unknown format `pdf`: use a comma-separated list of md, html, csv, docx \(or all\)/],
    [['--filter', 'year>>2000'], /--filter: Invalid filter `year>>2000` at column 6/],
    [['--excerpts', 'many'], /--excerpts takes a whole number \(0 for all\), not `many`/],
    [['--excerpts=-1'], /--excerpts takes a whole number/],
    [['--out', 'report.html'], /--out takes a folder, not a file/],
  ];
  for (const [args, message] of refusals) {
    it(`exits 2 with a clear message for ${args.join(' ')}`, async () => {
      const dir = reviewCopy();
      const result = await run('report', dir, ...args);
      assert.equal(result.code, 2);
      assert.match(result.err, message);
      assert.ok(!existsSync(path.join(dir, 'reports')), 'nothing written');
    });
  }
});
