import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../runCli';
import { makeSandbox, snapshot, type Sandbox } from './sandbox';

describe('safe writes: reports and exports never leave the review or replace an input', () => {
  let box: Sandbox;
  beforeEach(() => (box = makeSandbox()));
  afterEach(() => box.remove());

  /** Runs a command and asserts a refusal (exit 2) that leaves the whole sandbox as it was. */
  async function refused(args: string[], message: RegExp): Promise<void> {
    const before = snapshot(box.base);
    const run = await runCli(...args);
    assert.equal(run.code, 2, `exit code of ${args.join(' ')}: ${run.err}`);
    assert.match(run.err, message);
    assert.doesNotMatch(run.err, /internal error|\n\s+at /);
    assert.deepEqual(snapshot(box.base), before, 'nothing in the sandbox changed');
  }

  it('a report file linked to a file outside: refused, naming the link', async () => {
    box.link('review/reports/synthesis.md', '../../outside/victim.txt');
    await refused(['report', box.review], /reports\/synthesis\.md is a symbolic link/);
  });
  it('a report file linked to the codebook: refused before any file is written', async () => {
    box.link('review/reports/synthesis.html', '../codebook.md');
    await refused(['report', box.review, '--format', 'md,html'], /synthesis\.html is a symbolic link/);
  });
  it('the report folder a link to a folder outside: refused for report and export', async () => {
    mkdirSync(path.join(box.outside, 'dump'));
    box.link('review/reports', '../outside/dump');
    await refused(['report', box.review], /reports is a symbolic link \(to \.\.\/outside\/dump\)/);
    await refused(['export', box.review], /reports is a symbolic link/);
    await refused(['export', box.review, '--format', 'qdc'], /reports is a symbolic link/);
  });
  it('--out naming the codebook, a study or the project file: refused', async () => {
    box.write({ 'review/qualsynth.yaml': 'title: T\n' });
    await refused(['report', box.review, '--out', path.join(box.review, 'codebook.md')], /is the codebook of the review/);
    await refused(['export', box.review, '--out', path.join(box.review, 'codebook.md')], /is the codebook of the review/);
    await refused(['export', box.review, '--out', path.join(box.review, 'studies/good.md')], /is a study of the review/);
    await refused(['export', box.review, '--out', path.join(box.review, 'Codebook.MD')], /is the codebook/);
    await refused(['export', box.review, '--format', 'qdc', '--out', path.join(box.review, 'qualsynth.yaml')], /is the project file/);
  });
  it('--out reaching an input through a link outside the review: refused', async () => {
    box.link('outside/into-review', '../review');
    await refused(['export', box.review, '--out', path.join(box.outside, 'into-review/codebook.md')], /is the codebook of the review/);
  });
  it('--out at a file, a folder, /dev/null, a too long name: exit 2 with the reason, no stack', async () => {
    box.write({ 'outside/file.txt': 'keep\n' });
    await refused(['report', box.review, '--out', path.join(box.outside, 'file.txt')], /a part of the path is a file, not a folder/);
    await refused(['report', box.review, '--out', '/dev/null'], /cannot write/);
    await refused(['export', box.review, '--out', box.outside], /it is a folder, not a file/);
    await refused(['export', box.review, '--out', '/dev/null'], /special file/);
    await refused(['export', box.review, '--out', path.join(box.outside, `${'x'.repeat(300)}.qdpx`)], /too long/);
    mkdirSync(path.join(box.review, 'reports/synthesis.md'), { recursive: true });
    await refused(['report', box.review], /reports\/synthesis\.md: it is a folder/);
  });
  it('writes atomically: the old report replaced whole, no temporary file left', async () => {
    box.write({ 'review/reports/synthesis.md': 'old report\n' });
    const run = await runCli('report', box.review, '--format', 'md,html,csv');
    assert.equal(run.code, 0, run.err);
    assert.match(readFileSync(path.join(box.review, 'reports/synthesis.md'), 'utf8'), /^# /);
    assert.deepEqual(readdirSync(path.join(box.review, 'reports')).filter((name) => name.endsWith('.tmp')), []);
    assert.deepEqual(snapshot(box.outside), { 'id_rsa': `file ${Buffer.from('PRIVATE KEY\n').toString('base64')}`, 'victim.txt': `file ${Buffer.from('secret\n').toString('base64')}` });
  });
  it('an explicit --out outside the review is written, with its folders', async () => {
    const run = await runCli('export', box.review, '--out', path.join(box.outside, 'new/folder/review.qdpx'));
    assert.equal(run.code, 0, run.err);
    assert.ok(existsSync(path.join(box.outside, 'new/folder/review.qdpx')));
    const report = await runCli('report', box.review, '--out', path.join(box.outside, 'r/out.md'));
    assert.equal(report.code, 0, report.err);
    assert.ok(readFileSync(path.join(box.outside, 'r/out.md'), 'utf8').startsWith('# '));
  });
  it('reconcile and add-studies write studies the same way: never through a link', async () => {
    box.write({ 'outside/refs.ris': 'TY  - JOUR\nAU  - Smith, Jane\nPY  - 2020\nTI  - Peer work\nER  - \n' });
    mkdirSync(path.join(box.outside, 'elsewhere'));
    box.link('review/studies/sub', '../../outside/elsewhere');
    writeFileSync(path.join(box.review, 'qualsynth.yaml'), 'studies: studies/sub/*.md\n');
    await refused(['add-studies', path.join(box.outside, 'refs.ris'), box.review], /studies\/sub is a symbolic link/);
  });
});
