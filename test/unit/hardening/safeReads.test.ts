import { strict as assert } from 'node:assert';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { MAX_FILE_BYTES } from '../../../src/core/host';
import { runCli } from '../runCli';
import { makeSandbox, snapshot, type Sandbox } from './sandbox';

interface Indexed {
  studies: Array<{ path: string }>;
  problems: Array<{ path: string; severity: string; message: string }>;
}

describe('safe reads: only regular files inside the review, each within the size limit', function () {
  // Each test starts CLI processes; the time bounds that matter are `indexed`'s own, so mocha's
  // default 2 s must not fail a test first when the machine is loaded.
  this.timeout(20_000);
  let box: Sandbox;
  beforeEach(() => (box = makeSandbox()));
  afterEach(() => box.remove());

  /** `index --json` of the review, within a time bound, the sandbox unchanged. */
  async function indexed(boundMs = 5000): Promise<Indexed> {
    const before = snapshot(box.base);
    const started = performance.now();
    const run = await runCli('index', box.review, '--json');
    assert.ok(performance.now() - started < boundMs, `took ${Math.round(performance.now() - started)} ms`);
    assert.equal(run.code, 0, run.err);
    assert.deepEqual(snapshot(box.base), before);
    return JSON.parse(run.out) as Indexed;
  }
  const problemOf = (index: Indexed, file: string) => index.problems.find((problem) => problem.path === file);

  it('a study linked to a file outside: refused by name, its text in no output', async () => {
    box.link('review/studies/zz-notes.md', '../../outside/id_rsa');
    const index = await indexed();
    assert.deepEqual(index.studies.map((study) => study.path), ['studies/good.md']);
    assert.match(problemOf(index, 'studies/zz-notes.md')!.message, /^studies\/zz-notes\.md is a symbolic link to \.\.\/\.\.\/outside\/id_rsa, outside the review/);
    const qdpx = path.join(box.outside, 'out.qdpx');
    assert.equal((await runCli('export', box.review, '--out', qdpx)).code, 0);
    const check = await runCli('check', box.review);
    assert.equal(check.code, 1);
    assert.doesNotMatch(check.out + JSON.stringify(index), /PRIVATE KEY/);
  });
  it('a study linked to a file inside the review is read', async () => {
    box.write({ 'review/notes/kept.md': 'A [kept]{#fine} passage.\n' });
    box.link('review/studies/alias.md', '../notes/kept.md');
    const index = await indexed();
    assert.deepEqual(index.studies.map((study) => study.path), ['studies/alias.md', 'studies/good.md']);
  });
  it('the studies folder a link to a folder outside: not followed, a warning names it', async () => {
    box.write({ 'outside/folder/secret.md': 'Secret [text]{#fine}.\n' });
    box.link('review/studies', '../outside/folder');
    const index = await indexed();
    assert.deepEqual(index.studies, []);
    assert.match(problemOf(index, 'studies')!.message, /^studies is a symbolic link to a folder: folder links are not followed/);
    assert.equal(problemOf(index, 'studies')!.severity, 'warning');
  });
  for (const file of ['qualsynth.yaml', 'codebook.md', 'studies/zero.md']) {
    it(`${file} a link to /dev/zero: refused at once, no memory taken`, async () => {
      box.link(`review/${file}`, '/dev/zero');
      const index = await indexed(3000);
      assert.match(problemOf(index, file)!.message, new RegExp(`^${file.replace('.', '\\.')} is a symbolic link to /dev/zero, outside the review`));
    });
    it(`${file} a FIFO: refused without blocking`, async () => {
      if (file !== 'studies/zero.md') box.fifo(`review/${file}`);
      else box.fifo('review/studies/pipe.md');
      const shown = file === 'studies/zero.md' ? 'studies/pipe.md' : file;
      const index = await indexed(3000);
      assert.match(problemOf(index, shown)!.message, /is a FIFO \(named pipe\), not a regular file/);
    });
  }
  it('a study larger than the limit: that file refused, the rest indexed', async () => {
    mkdirSync(path.join(box.review, 'studies'), { recursive: true });
    const huge = path.join(box.review, 'studies/huge.md');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_FILE_BYTES + 1);
    const index = await indexed();
    assert.deepEqual(index.studies.map((study) => study.path), ['studies/good.md']);
    assert.match(problemOf(index, 'studies/huge.md')!.message, /is larger than 64 MiB/);
  });
});
