import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { attributePattern, driverCommand, shellQuote, withAttributeLines } from '../../../src/core/merge/gitSetup';
import { applyGitSetup, describePlan, planGitSetup, planIsDone } from '../../../src/node/merge/setupGit';
import { runMergeDriver } from '../../../src/node/merge/mergeDriver';
import { TempRepo } from '../git/tempRepo';
import { runCli } from '../runCli';
import { CODEBOOK, SOURCE_PROGRAM, STUDY } from './mergeRepo';

describe('setup-git', function () {
  this.timeout(30_000);
  let repo: TempRepo;
  beforeEach(() => {
    repo = new TempRepo();
    repo.write({ 'review/codebook.md': CODEBOOK, 'review/studies/s.md': STUDY, 'review/qualsynth.yaml': 'codebook: themes.md\nstudies: "studies/**/*.{md,markdown}"\n' });
  });
  afterEach(() => repo.dispose());

  it('shows what it writes, writes it, and changes nothing the second time', async () => {
    const plan = await planGitSetup(repo.path('review'), SOURCE_PROGRAM);
    assert.deepEqual(plan.attributeLines, ['/studies/**/*.md merge=qualsynth', '/themes.md merge=qualsynth']);
    assert.match(describePlan(plan), /\.gitattributes:\n {2}\/studies\/\*\*\/\*\.md merge=qualsynth\n {2}\/themes\.md merge=qualsynth\n.*config \(this clone only\):\n {2}merge\.qualsynth\.name = QualSynth/s);
    await applyGitSetup(plan);
    assert.equal(readFileSync(repo.path('review/.gitattributes'), 'utf8'), '# QualSynth: merge codings, not lines (qualsynth setup-git)\n/studies/**/*.md merge=qualsynth\n/themes.md merge=qualsynth\n');
    assert.equal(repo.git('config', '--local', 'merge.qualsynth.driver'), driverCommand(SOURCE_PROGRAM));
    assert.equal(repo.git('check-attr', 'merge', '--', 'review/studies/s.md'), 'review/studies/s.md: merge: qualsynth');
    assert.equal(repo.git('check-attr', 'merge', '--', 'review/themes.md'), 'review/themes.md: merge: qualsynth');
    assert.equal(repo.git('check-attr', 'merge', '--', 'review/codebook.md'), 'review/codebook.md: merge: unspecified');
    const again = await planGitSetup(repo.path('review'), SOURCE_PROGRAM);
    assert.ok(planIsDone(again));
    assert.match(describePlan(again), /\(already there\)[^]*\(already set\)/);
  });

  it('`qualsynth setup-git --dry-run` prints the plan and writes nothing; outside a repository it exits 2', async () => {
    const dry = await runCli('setup-git', repo.path('review'), '--dry-run');
    assert.equal(dry.code, 0);
    assert.match(dry.out, /merge\.qualsynth\.driver = if \[ -f '.*' \]; then .* merge-driver %O %A %B %P; else git merge-file -L ours -L base -L theirs %A %O %B; fi\nDry run: nothing written\.\n$/);
    assert.throws(() => readFileSync(repo.path('review/.gitattributes')));
    const outside = await runCli('setup-git', '/');
    assert.equal(outside.code, 2);
    assert.match(outside.err, /not inside a git repository/);
  });

  it('keeps existing .gitattributes lines and adds only what is missing', () => {
    assert.deepEqual(withAttributeLines('*.png binary\r\n/codebook.md  merge=qualsynth\r\n', ['/studies/**/*.md merge=qualsynth', '/codebook.md merge=qualsynth']), {
      text: '*.png binary\r\n/codebook.md  merge=qualsynth\r\n# QualSynth: merge codings, not lines (qualsynth setup-git)\r\n/studies/**/*.md merge=qualsynth\r\n',
      added: ['/studies/**/*.md merge=qualsynth'],
    });
    assert.equal(attributePattern('./data/*.md'), '/data/*.md');
    assert.equal(attributePattern('studies/{a,b}/*.md'), '/studies/**/*.md');
  });

  it('quotes paths for the shell git runs the driver in', () => {
    assert.equal(shellQuote("/opt/it's here/cli.js"), "'/opt/it'\\''s here/cli.js'");
    assert.equal(shellQuote('C:\\Program Files\\node.exe'), "'C:/Program Files/node.exe'");
    assert.match(driverCommand({ argv: ['/usr/bin/code'], script: '/ext/dist/cli.js', env: { ELECTRON_RUN_AS_NODE: '1' } }), /then ELECTRON_RUN_AS_NODE='1' '\/usr\/bin\/code' '\/ext\/dist\/cli\.js' merge-driver/);
  });

  it('falls back to git\'s own line merge when the CLI named in the driver line is gone', async () => {
    repo.write({ 'review/studies/s.md': STUDY });
    await applyGitSetup(await planGitSetup(repo.path('review'), { ...SOURCE_PROGRAM, script: repo.path('gone/cli.js') }));
    repo.commit('base');
    repo.git('checkout', '--quiet', '-b', 'other');
    repo.write({ 'review/studies/s.md': STUDY.replace('tokenistic', 'tokenistic indeed') });
    repo.commit('other');
    repo.git('checkout', '--quiet', 'main');
    repo.write({ 'review/studies/s.md': STUDY.replace('irregular', 'rare') });
    repo.commit('main');
    repo.git('merge', '--no-edit', 'other');
    assert.equal(readFileSync(repo.path('review/studies/s.md'), 'utf8'), STUDY.replace('tokenistic', 'tokenistic indeed').replace('irregular', 'rare'));
  });

  it('merges a file it cannot read as UTF-8 with git\'s line merge, and says why', async () => {
    const files = { base: repo.path('o'), ours: repo.path('a'), theirs: repo.path('b'), path: 'studies/s.md', top: repo.root };
    writeFileSync(files.base, Buffer.from('caf\xe9\n1\n2\n3\nline\n', 'latin1'));
    writeFileSync(files.ours, Buffer.from('caf\xe9\n1\n2\n3\nline ours\n', 'latin1'));
    writeFileSync(files.theirs, Buffer.from('caf\xe9 theirs\n1\n2\n3\nline\n', 'latin1'));
    const result = await runMergeDriver(files);
    assert.deepEqual(result, { conflicts: 0, mode: 'lines', reason: 'a version is not UTF-8 text' });
    assert.equal(readFileSync(files.ours, 'latin1'), 'caf\xe9 theirs\n1\n2\n3\nline ours\n');
  });
});
