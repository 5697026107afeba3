import { strict as assert } from 'node:assert';
import { mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeReviewHost } from '../../../src/node/nodeHost';

describe('NodeReviewHost.stat', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'qualsynth-stat-'));
  });

  afterEach(() => rm(root, { recursive: true, force: true }));

  it("tells a file's modification time and size, and undefined for a file that is gone", async () => {
    const file = path.join(root, 'study.md');
    await writeFile(file, 'stipend');
    const time = new Date('2026-01-02T03:04:05.678Z');
    await utimes(file, time, time);
    const host = new NodeReviewHost(root);
    assert.deepEqual(await host.stat('study.md'), { mtime: (await stat(file)).mtimeMs, size: 7 });
    assert.ok(Math.abs((await host.stat('study.md'))!.mtime - time.getTime()) < 1, 'the time set on the file');
    await writeFile(file, 'stipends');
    assert.equal((await host.stat('study.md'))?.size, 8, 'a rewrite shows in the size');
    await rm(file);
    assert.equal(await host.stat('study.md'), undefined);
    assert.equal(await host.stat('gone/study.md'), undefined);
  });
});
