import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../runCli';

const FIXTURE = path.resolve(__dirname, '../../fixtures/review-basic');
const DEMO = path.resolve(__dirname, '../../../examples/peer-support');

const run = runCli;

function copyOf(dir: string): string {
  const target = mkdtempSync(path.join(tmpdir(), 'qualsynth-cli-'));
  cpSync(dir, target, { recursive: true });
  return target;
}

describe('CLI', () => {
  const made: string[] = [];
  const scratch = (dir: string): string => {
    const copy = copyOf(dir);
    made.push(copy);
    return copy;
  };
  after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('prints usage with --help and exits 0', async () => {
    const result = await run('--help');
    assert.equal(result.code, 0);
    assert.match(result.out, /Commands:\n\s+index/);
  });
  it('prints one version, package.json\'s, in --version, the report and REFI-QDA exports', async () => {
    const { version } = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { version: string };
    assert.deepEqual(await run('--version'), { code: 0, out: `${version}\n`, err: '' });
    const dir = scratch(FIXTURE);
    assert.equal((await run('report', dir, '--format', 'md')).code, 0);
    assert.match(readFileSync(path.join(dir, 'reports/synthesis.md'), 'utf8'), new RegExp(`\\| Software \\| QualSynth ${version.replace(/\./g, '\\.')}\\. \\|`));
    assert.equal((await run('export', dir, '--format', 'qdc')).code, 0);
    assert.ok(readFileSync(path.join(dir, 'reports/codebook.qdc'), 'utf8').includes(` origin="QualSynth ${version}"`));
  });
  it('prints a command\'s usage with <command> --help', async () => {
    const result = await run('check', '--help');
    assert.equal(result.code, 0);
    assert.match(result.out, /Usage: qualsynth check/);
  });
  it('exits 2 on an unknown command', async () => {
    const result = await run('frobnicate');
    assert.equal(result.code, 2);
    assert.match(result.err, /unknown command `frobnicate`/);
  });
  it('exits 2 on an unknown option', async () => {
    const result = await run('check', FIXTURE, '--bogus');
    assert.equal(result.code, 2);
    assert.match(result.err, /bogus/);
  });
  it('exits 2 with a clear message for a missing folder', async () => {
    const result = await run('check', '/no/such/review');
    assert.equal(result.code, 2);
    assert.match(result.err, /no such folder: \/no\/such\/review/);
  });
  it('exits 2 when the folder holds no review (no codebook, no project file, no studies)', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'qualsynth-empty-'));
    made.push(empty);
    const result = await run('index', empty);
    assert.equal(result.code, 2);
    assert.match(result.err, /no review in .*: no codebook\.md, no qualsynth\.yaml and no studies \(looked for studies\/\*\*\/\*\.md\)/);
  });
  it('check exits 0 on a clean review and prints the tally', async () => {
    const result = await run('check', FIXTURE);
    assert.equal(result.code, 0);
    assert.match(result.out, /2 studies checked: 0 errors/);
  });
  it('check prints located problems and exits 1 on errors', async () => {
    const dir = scratch(FIXTURE);
    writeFileSync(path.join(dir, 'studies/bad.md'), '---\nid: bad\n---\nA [passage]{#staff-prejudice oops} and #not-defined.\n');
    const result = await run('check', dir);
    assert.equal(result.code, 1);
    assert.match(result.out, /^studies\/bad\.md:4:12: error: Unexpected `oops` in span braces/m);
    assert.match(result.out, /^studies\/bad\.md:4:40: warning: #not-defined is not defined in the codebook/m);
  });
  it('check --strict exits 1 on warnings', async () => {
    const dir = scratch(FIXTURE);
    writeFileSync(path.join(dir, 'studies/warn.md'), 'Text #not-defined\n');
    assert.equal((await run('check', dir)).code, 0);
    assert.equal((await run('check', dir, '--strict')).code, 1);
  });
  it('index --json follows the documented schema', async () => {
    const result = await run('index', FIXTURE, '--json');
    assert.equal(result.code, 0);
    const json = JSON.parse(result.out);
    assert.equal(json.version, 1);
    assert.deepEqual(Object.keys(json), ['version', 'studies', 'codes', 'segments', 'themes', 'problems', 'memos']);
    assert.deepEqual(Object.keys(json.studies[0]), ['id', 'path', 'attributes']);
    assert.deepEqual(Object.keys(json.codes[0]), ['name', 'definition', 'themes', 'segments', 'studies']);
    const segment = json.segments[0];
    assert.deepEqual(Object.keys(segment).slice(0, 8), ['study', 'path', 'codes', 'kind', 'order', 'start', 'end', 'text']);
    assert.equal(segment.path, 'studies/a.md');
    assert.ok(segment.start.line >= 1 && segment.start.column >= 1);
  });
  it('index without --json prints a one-line summary', async () => {
    const result = await run('index', FIXTURE);
    assert.match(result.out, /^2 studies, \d+ themes, \d+ codes, \d+ segments; problems: 0 errors/);
  });
  it('report writes the Markdown report and prints the summary', async () => {
    const dir = scratch(FIXTURE);
    const result = await run('report', dir);
    assert.equal(result.code, 0);
    assert.match(result.out, /Studies: +2\nThemes: +\d+\nCodes: +\d+\nSegments: +\d+\nProblems: .*\nReport: +.*synthesis\.md/);
    const report = readFileSync(path.join(dir, 'reports/synthesis.md'), 'utf8');
    assert.match(report, /## Included studies/);
    assert.match(report, /\(\.\.\/studies\/a\.md#L\d+\)/);
  });
  it('report --out writes where asked', async () => {
    const dir = scratch(FIXTURE);
    const out = path.join(dir, 'elsewhere', 'r.md');
    assert.equal((await run('report', dir, '--out', out)).code, 0);
    assert.ok(existsSync(out));
  });
  it('treats a file given as the folder as usage error', async () => {
    const dir = scratch(FIXTURE);
    const result = await run('check', path.join(dir, 'codebook.md'));
    assert.equal(result.code, 2);
    assert.match(result.err, /is a file/);
  });
  it('still checks a review whose codebook is missing (all codes uncategorised)', async () => {
    const dir = scratch(FIXTURE);
    rmSync(path.join(dir, 'codebook.md'));
    const result = await run('check', dir);
    assert.equal(result.code, 0);
    assert.match(result.out, /is not defined in the codebook/);
  });
  it('reports an unreadable study as an error and keeps the others', async () => {
    const dir = scratch(FIXTURE);
    mkdirSync(path.join(dir, 'studies/deep'), { recursive: true });
    writeFileSync(path.join(dir, 'studies/deep/bin.md'), Buffer.from([0, 1, 2]));
    const result = await run('check', dir);
    assert.equal(result.code, 1);
    assert.match(result.out, /studies\/deep\/bin\.md:1:1: error: studies\/deep\/bin\.md is a binary file/);
    assert.match(result.out, /2 studies checked/);
  });

  describe('on the demo review', function () {
    before(function () {
      if (!existsSync(DEMO)) this.skip();
    });
    it('indexes 27 studies, at least 15 codes and 80 segments, no errors', async () => {
      const json = JSON.parse((await run('index', DEMO, '--json')).out);
      assert.equal(json.studies.length, 27);
      assert.ok(json.codes.length >= 15, `codes: ${json.codes.length}`);
      assert.ok(json.segments.length >= 80, `segments: ${json.segments.length}`);
      assert.deepEqual(json.problems.filter((p: { severity: string }) => p.severity === 'error'), []);
    });
    it('check exits 0', async () => assert.equal((await run('check', DEMO)).code, 0));
  });
});
