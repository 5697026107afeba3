import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../runCli';
import { FIXTURE, openReview, tempDir } from './helpers';

const run = runCli;

describe('CLI export and import', () => {
  it('exports the codebook as .qdc and the review as .qdpx, the same bytes each time', async () => {
    const dir = tempDir();
    const qdc = await run('export', FIXTURE, '--format', 'qdc', '--out', path.join(dir, 'c.qdc'));
    assert.equal(qdc.code, 0, qdc.err);
    assert.match(qdc.out, /Codebook: 4 themes, 6 codes/);
    assert.match(readFileSync(path.join(dir, 'c.qdc'), 'utf8'), /<CodeBook xmlns="urn:QDA-XML:codebook:1\.0" origin="QualSynth /);
    for (const name of ['a.qdpx', 'b.qdpx']) {
      const result = await run('export', FIXTURE, '--format', 'qdpx', '--out', path.join(dir, name));
      assert.equal(result.code, 0, result.err);
      assert.match(result.out, /Studies:\s+3\nCodes:\s+6\nSelections: 11\n/);
    }
    assert.ok(readFileSync(path.join(dir, 'a.qdpx')).equals(readFileSync(path.join(dir, 'b.qdpx'))));
  });

  it('rejects an unknown format with exit code 2', async () => {
    const result = await run('export', FIXTURE, '--format', 'nvpx');
    assert.equal(result.code, 2);
    assert.match(result.err, /--format is qdc \(codebook\) or qdpx \(whole review\), not `nvpx`/);
  });

  it('imports a .qdpx into a new folder, and refuses a non-empty one', async () => {
    const dir = tempDir();
    const archive = path.join(dir, 'r.qdpx');
    assert.equal((await run('export', FIXTURE, '--out', archive)).code, 0);
    const target = path.join(dir, 'imported');
    const imported = await run('import', archive, target);
    assert.equal(imported.code, 0, imported.err);
    assert.match(imported.out, /Studies:\s+3\nThemes:\s+4\nCodes:\s+6\nSpans:\s+11\nMemos:\s+\d+\n/);
    assert.equal((await openReview(target)).index.studies().length, 3);
    writeFileSync(path.join(target, 'codebook.md'), 'edited');
    const again = await run('import', archive, target);
    assert.equal(again.code, 2);
    assert.match(again.err, /is not empty; import into a new or empty folder \(nothing was overwritten\)/);
    assert.equal(readFileSync(path.join(target, 'codebook.md'), 'utf8'), 'edited');
  });

  it('explains a missing file, a missing folder argument and an unsafe archive', async () => {
    const dir = tempDir();
    const missing = await run('import', path.join(dir, 'none.qdpx'), path.join(dir, 'x'));
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no such file: .*none\.qdpx/);
    assert.equal((await run('import', 'only-one-argument')).code, 2);
    const notZip = path.join(dir, 'bad.qdpx');
    writeFileSync(notZip, 'not a zip');
    const bad = await run('import', notZip, path.join(dir, 'y'));
    assert.equal(bad.code, 2);
    assert.match(bad.err, /bad\.qdpx: Not a ZIP archive/);
    assert.equal(existsSync(path.join(dir, 'y')), false);
  });

  it('works on a review with a codebook and no studies yet (an a-priori codebook): check, index, report, export', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'codebook.md'), '# Framework\n- #a **A priori**: defined before coding\n');
    const check = await run('check', dir);
    assert.equal(check.code, 0, check.err);
    assert.match(check.out, /0 studies checked: 0 errors, 0 warnings/);
    const index = await run('index', '--json', dir);
    assert.equal(index.code, 0, index.err);
    assert.deepEqual(JSON.parse(index.out).codes.map((item: { name: string }) => item.name), ['a']);
    assert.equal((await run('report', dir, '--format', 'all')).code, 0);
    for (const format of ['qdc', 'qdpx']) {
      const exported = await run('export', dir, '--format', format, '--out', path.join(dir, `out.${format}`));
      assert.equal(exported.code, 0, exported.err);
    }
    assert.match(readFileSync(path.join(dir, 'out.qdc'), 'utf8'), /name="A priori" isCodable="true"/);
  });

  it('imports a .qdc codebook into a new review (Taguette\'s empty <Sets/> with a note), on which every command works', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'taguette.qdc');
    writeFileSync(file, '<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Taguette 1.4.1"><Codes><Code guid="0D62985D-B147-5D01-A9B5-CAE5DCD98342" name="interesting" isCodable="true"/><Code guid="55BB6892-6F30-5129-8CB8-557A1B12137B" name="interesting\\places" isCodable="true"/></Codes><Sets/></CodeBook>');
    const target = path.join(dir, 'review');
    const imported = await run('import', file, target);
    assert.equal(imported.code, 0, imported.err);
    assert.match(imported.out, /Themes:\s+0\nCodes:\s+2\n/);
    assert.match(readFileSync(path.join(target, 'codebook.md'), 'utf8'), /- #interesting\n- #interesting-places \*\*interesting\\\\places\*\*\n/);
    assert.match(readFileSync(path.join(target, 'import-report.md'), 'utf8'), /empty `<Sets\/>`/);
    assert.equal((await run('check', target)).code, 0);
    assert.equal((await run('export', target, '--format', 'qdpx', '--out', path.join(dir, 'r.qdpx'))).code, 0);
  });
});
