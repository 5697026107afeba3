import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { splitStudy } from '../../../src/core/merge/studyParts';
import { scanTags } from '../../../src/core/syntax/scanTags';
import { readFrontMatter } from '../../../src/core/frontMatter';
import type { TempRepo } from '../git/tempRepo';
import { STUDY, branchWith, reviewRepo } from './mergeRepo';

const PATH = 'studies/mowbray-2005.md';

/** Every (passage, code) of a study text: `code@plain passage`. */
function codings(text: string): string[] {
  const scanned = scanTags(text, readFrontMatter(text).bodyStart);
  return scanned.segments.flatMap((segment) => segment.codes.map((code) => `${code}@${segment.kind}:${text.slice(segment.start, segment.end).replace(/\[|\]\{[^}]*\}/g, '').replace(/\s+/g, ' ').slice(0, 40)}`)).sort();
}

const coderA = (text: string): string =>
  text
    .replace('like a client." (peer worker)\n', 'like a client." (peer worker)\n> #staff-prejudice\n')
    .replace('being excluded from team meetings and case\ndiscussions', '[being excluded from team meetings and case\ndiscussions]{#exclusion}')
    .replace('the role was tokenistic.', 'the role was tokenistic. #tokenism');
const coderB = (text: string): string =>
  text
    .replace('like a client." (peer worker)\n', 'like a client." (peer worker)\n> #client-role\n')
    .replace('pay well below that of colleagues doing similar work', '[pay well below that of colleagues doing similar work]{#low-pay coder="mk"}')
    .replace('being excluded from team meetings', '[being excluded from team meetings]{#staff-prejudice}');

describe('merge driver in real git repositories', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  const read = (path: string): string => readFileSync(repo.path(path), 'utf8');
  afterEach(() => repo?.dispose());
  /** A review repository with a branch per coder, each coding the study from main. */
  const twoCoders = async (first = coderA, second = coderB): Promise<void> => {
    repo = await reviewRepo();
    branchWith(repo, 'coder-a', 'main', PATH, first, read);
    branchWith(repo, 'coder-b', 'main', PATH, second, read);
  };
  const bothCoders = (): string[] => [...new Set([...codings(coderA(STUDY)), ...codings(coderB(STUDY))])].sort();

  it('merges two coders who coded the same paragraphs with no conflict and every tag kept', async () => {
    await twoCoders();
    repo.git('checkout', '--quiet', 'coder-a');
    repo.git('merge', '--no-edit', 'coder-b');
    const merged = read(PATH);
    assert.equal(splitStudy(merged).plain, splitStudy(STUDY).plain, 'the text is untouched');
    assert.deepEqual(codings(merged), bothCoders());
    assert.doesNotMatch(merged, /<<<<<<<|>>>>>>>/);
    assert.match(merged, /\[\[being excluded from team meetings\]\{#staff-prejudice\} and case\ndiscussions\]\{#exclusion\}/);
    assert.match(merged, /> #staff-prejudice\n> #client-role\n/);
  });

  it('leaves conflict markers only around a line whose text both sides changed', async () => {
    await twoCoders((text) => coderA(text).replace('depended on the manager', 'depended on the team manager'), (text) => coderB(text).replace('depended on the manager', 'depended on the line manager'));
    repo.git('checkout', '--quiet', 'coder-a');
    assert.throws(() => repo.git('merge', '--no-edit', 'coder-b'));
    const merged = read(PATH);
    const conflict = merged.slice(merged.indexOf('<<<<<<<'), merged.indexOf('>>>>>>>'));
    assert.deepEqual(conflict.split('\n').slice(1, -1), ['Supervision was irregular and depended on the team manager.', '=======', 'Supervision was irregular and depended on the line manager.']);
    assert.equal(merged.match(/<<<<<<</g)?.length, 1);
    const outside = merged.slice(0, merged.indexOf('<<<<<<<'));
    for (const code of ['#exclusion', '#low-pay', '#client-role', '#staff-prejudice', '#tokenism']) assert.ok(outside.includes(code), `${code} merged above the conflict`);
    assert.match(repo.git('status', '--porcelain'), /^UU studies\/mowbray-2005\.md$/m);
  });

  it('rebases one coder onto the other with no conflict', async () => {
    await twoCoders();
    repo.git('checkout', '--quiet', 'coder-b');
    repo.git('rebase', '--quiet', 'coder-a');
    assert.deepEqual(codings(read(PATH)), bothCoders());
    assert.equal(repo.git('log', '--format=%s', '-2'), 'coder-b codes studies/mowbray-2005.md\ncoder-a codes studies/mowbray-2005.md');
  });

  it('cherry-picks one coder\'s commit onto the other\'s branch with no conflict', async () => {
    await twoCoders();
    repo.git('checkout', '--quiet', 'coder-a');
    repo.git('cherry-pick', 'coder-b');
    assert.deepEqual(codings(read(PATH)), bothCoders());
  });

  it('merges codebook definitions both coders added under the same theme with no conflict', async () => {
    repo = await reviewRepo();
    const add = (line: string) => (text: string) => text.replace('- #exclusion: Left out of meetings.\n', `- #exclusion: Left out of meetings.\n${line}\n`);
    branchWith(repo, 'coder-a', 'main', 'codebook.md', add('- #client-role: Treated as a client.'), read);
    branchWith(repo, 'coder-b', 'main', 'codebook.md', add('- #tokenism: Roles without influence.'), read);
    repo.git('checkout', '--quiet', 'coder-a');
    repo.git('merge', '--no-edit', 'coder-b');
    assert.match(read('codebook.md'), /- #exclusion: Left out of meetings\.\n- #client-role: Treated as a client\.\n- #tokenism: Roles without influence\.\n## Pay\n/);
  });

  it('without the driver, git itself conflicts on the same two branches (the reason for the driver)', async () => {
    repo = await reviewRepo();
    repo.write({ '.git/info/attributes': '* merge=text\n' });
    branchWith(repo, 'coder-a', 'main', PATH, coderA, read);
    branchWith(repo, 'coder-b', 'main', PATH, coderB, read);
    repo.git('checkout', '--quiet', 'coder-a');
    assert.throws(() => repo.git('merge', '--no-edit', 'coder-b'));
    assert.match(read(PATH), /<<<<<<</);
    assert.match(repo.git('status', '--porcelain'), /^UU studies\/mowbray-2005\.md$/m);
  });
});
