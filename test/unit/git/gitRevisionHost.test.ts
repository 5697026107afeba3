import { strict as assert } from 'node:assert';
import childProcess from 'node:child_process';
import { rmSync } from 'node:fs';
import { GitRevisionHost } from '../../../src/node/git/gitRevisionHost';
import { locateReview, resolveCommit } from '../../../src/node/git/repository';
import { loadCodingSource, loadReviewAtRevision, WORKING_TREE } from '../../../src/node/git/reviewAtRevision';
import { InvalidRevisionError } from '../../../src/core/git/revisionName';
import { GitError } from '../../../src/node/git/runGit';
import { TempRepo } from './tempRepo';

const text = (bytes: Uint8Array | undefined): string | undefined => (bytes === undefined ? undefined : Buffer.from(bytes).toString('utf8'));

describe('GitRevisionHost', function () {
  this.timeout(10_000);
  let repo: TempRepo;
  let first: string;

  before(() => {
    repo = new TempRepo();
    repo.write({
      'README.md': 'not part of the review\n',
      'reviews/peer/codebook.md': '# Theme\n- #a: first code\n',
      'reviews/peer/studies/one.md': 'One [coded]{#a}.\n',
      'reviews/peer/studies/é x.md': 'Unicode name [coded]{#a}.\n',
      'reviews/other/studies/elsewhere.md': 'Another review.\n',
    });
    first = repo.commit('first');
    repo.git('tag', 'v1');
    repo.write({ 'reviews/peer/studies/one.md': 'One changed.\n', 'reviews/peer/studies/two.md': 'Two.\n' }).commit('second');
    repo.write({ 'reviews/peer/studies/one.md': 'Uncommitted.\n' });
  });
  after(() => repo.dispose());

  it('locates a review in a sub-folder of the repository', async () => {
    const location = await locateReview(repo.path('reviews/peer'));
    assert.equal(location.prefix, 'reviews/peer');
    assert.equal(location.top.replace(/\\/g, '/'), repo.root.replace(/\\/g, '/'));
  });

  it('lists only the review\'s files, relative to the review folder', async () => {
    const host = await GitRevisionHost.open(repo.path('reviews/peer'), 'v1');
    assert.deepEqual(host.paths(), ['codebook.md', 'studies/one.md', 'studies/é x.md']);
    assert.deepEqual(await host.findFiles('studies/**/*.md'), ['studies/one.md', 'studies/é x.md']);
    host.dispose();
  });

  it('reads the committed content of each revision, not the working tree', async () => {
    const old = await GitRevisionHost.open(repo.path('reviews/peer'), 'v1');
    const head = await GitRevisionHost.open(repo.path('reviews/peer'), 'HEAD');
    assert.equal(text(await old.readFile('studies/one.md')), 'One [coded]{#a}.\n');
    assert.equal(text(await head.readFile('studies/one.md')), 'One changed.\n');
    assert.equal(text(await old.readFile('studies/é x.md')), 'Unicode name [coded]{#a}.\n');
    assert.equal(await old.readFile('studies/two.md'), undefined);
    assert.equal(head.commit, repo.git('rev-parse', 'HEAD'));
    assert.equal(old.commit, first);
    old.dispose();
    head.dispose();
  });

  it('resolves branch names, tags, commit ids and HEAD~n to commits', async () => {
    assert.equal(await resolveCommit(repo.root, 'HEAD~1'), first);
    assert.equal(await resolveCommit(repo.root, 'v1'), first);
    assert.equal(await resolveCommit(repo.root, first.slice(0, 10)), first);
    assert.equal(await resolveCommit(repo.root, 'main'), repo.git('rev-parse', 'HEAD'));
  });

  it('refuses unknown and malformed revisions with InvalidRevisionError', async () => {
    await assert.rejects(resolveCommit(repo.root, 'no-such-branch'), (error: unknown) => error instanceof InvalidRevisionError && /no commit of that name/.test((error as Error).message));
    await assert.rejects(GitRevisionHost.open(repo.root, '--output=/tmp/pwned'), InvalidRevisionError);
    await assert.rejects(GitRevisionHost.open(repo.root, 'v1..HEAD'), InvalidRevisionError);
  });

  it('gives an empty review when the folder did not exist at that revision', async () => {
    repo.write({ 'later/studies/x.md': 'x\n' });
    const loaded = await loadReviewAtRevision(repo.path('later'), 'HEAD');
    assert.equal(loaded.review.index.studies().length, 0);
    repo.remove('later/studies/x.md');
  });

  it('loads a review per revision, and the working tree without a revision', async () => {
    const [v1, head, work] = await Promise.all([
      loadReviewAtRevision(repo.path('reviews/peer'), 'v1'),
      loadReviewAtRevision(repo.path('reviews/peer'), 'HEAD'),
      loadReviewAtRevision(repo.path('reviews/peer')),
    ]);
    assert.deepEqual(v1.review.index.studies().map((study) => study.id), ['one', 'é x']);
    assert.equal(v1.review.index.segments().length, 2);
    assert.deepEqual(head.review.index.studies().map((study) => study.id), ['one', 'two', 'é x']);
    assert.equal(work.label, WORKING_TREE);
    assert.equal(work.commit, undefined);
    assert.equal(work.review.index.getStudy('studies/one.md')?.lineCount, 2);
    assert.equal(v1.label, 'v1');
  });

  it('reads hundreds of files through one git process', async () => {
    const many = new TempRepo();
    try {
      const files: Record<string, string> = {};
      for (let index = 0; index < 300; index++) files[`studies/s${String(index).padStart(3, '0')}.md`] = `Study ${index} [passage ${index}]{#code-${index % 7}}.\n`;
      many.write(files).commit('many');
      const started: string[] = [];
      const patched = childProcess as unknown as Record<'spawn' | 'execFile', (...args: unknown[]) => unknown>;
      const original = { spawn: patched.spawn, execFile: patched.execFile };
      for (const name of ['spawn', 'execFile'] as const) {
        patched[name] = (command: unknown, args: unknown, ...rest: unknown[]) => {
          started.push((args as string[]).filter((arg) => !arg.startsWith('-')).slice(0, 1).join());
          return original[name](command, args, ...rest);
        };
      }
      let loaded;
      try {
        loaded = await loadReviewAtRevision(many.root, 'HEAD');
      } finally {
        Object.assign(patched, original);
      }
      assert.equal(loaded.review.index.studies().length, 300);
      assert.equal(loaded.review.index.segments().length, 300);
      assert.deepEqual(started.sort(), ['cat-file', 'ls-tree', 'rev-parse', 'rev-parse']);
    } finally {
      many.dispose();
    }
  });

  it('explains when the folder is not in a git repository', async () => {
    const outside = new TempRepo();
    const plain = outside.path('plain');
    outside.write({ 'plain/x.md': 'x' });
    rmSync(outside.path('.git'), { recursive: true, force: true });
    try {
      await assert.rejects(locateReview(plain), (error: unknown) => error instanceof GitError && /not inside a git repository/.test((error as Error).message));
    } finally {
      outside.dispose();
    }
  });

  it('treats an existing folder as a coding source and anything else as a revision', async () => {
    const folder = await loadCodingSource(repo.path('reviews/peer'), '.', repo.root);
    assert.equal(folder.commit, undefined);
    const revision = await loadCodingSource('v1', 'reviews/peer', repo.root);
    assert.equal(revision.commit, first);
    assert.equal(revision.review.index.studies().length, 2);
  });
});
