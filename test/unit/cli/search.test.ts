/**
 * `qualsynth search` and `qualsynth autocode` on a copy of the basic fixture: output
 * formats, exit codes, the dry run's unified diff (nothing written), the real run's
 * whole-file result and its idempotence, and bad input with a message and exit code 2.
 */
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../runCli';

const FIXTURE = path.resolve(__dirname, '../../fixtures/review-basic');

describe('CLI: search and autocode', () => {
  let dir: string;
  const study = (name: string): string => readFileSync(path.join(dir, 'studies', name), 'utf8');
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'qualsynth-search-'));
    cpSync(FIXTURE, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('search prints hits by study with path:line:column, and exits 0', async () => {
    const result = await runCli('search', 'peer worker', dir, '--phrase');
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /^3 hits for "peer worker" in 2 of 2 studies\./);
    assert.match(result.out, /## alder-2010 \(studies\/a\.md\)/);
    assert.match(result.out, /- studies\/a\.md:12:68 \(quote\) …lient, they talk to me like a client\." \(\*\*peer worker\*\*\)…\n- studies\/a\.md:15:1 \(author\) …\*\*Peer worker\*\*s described/);
  });

  it('search --format json gives 1-based ranges; the filter and --coded limit the hits', async () => {
    const json = JSON.parse((await runCli('search', 'peer', dir, '--format', 'json', '--whole-word', '--filter', 'perspective=recipients')).out);
    assert.deepEqual(
      json.hits.map((hit: { study: string; line: number; column: number; order: string }) => [hit.study, hit.line, hit.column, hit.order]),
      [['brook-2012', 15, 49, 'second']],
    );
    const coded = JSON.parse((await runCli('search', 'pay', dir, '--format', 'json', '--coded', 'low-pay')).out);
    assert.deepEqual(coded.hits.map((hit: { study: string }) => hit.study), ['alder-2010']);
    assert.equal((await runCli('search', 'pay', dir, '--not-coded', '#low-pay')).code, 1, 'no hits: exit 1');
  });

  it('autocode --dry-run prints a unified diff and writes nothing', async () => {
    const before = study('b.md');
    const result = await runCli('autocode', 'friends', dir, '--code', 'friendship', '--unit', 'sentence', '--dry-run');
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /--- a\/studies\/b\.md\n\+\+\+ b\/studies\/b\.md\n@@ -11,3 \+11,3 @@\n \n-> "I've got more friends now than I had in years\." \(recipient\)\n\+> \["I've got more friends now than I had in years\." \(recipient\)\]\{#friendship\}\n > #social-network\n/);
    assert.match(result.out, /Would code 1 passage with #friendship in 1 study \(1 hits; 0 already coded; 0 skipped\)\./);
    assert.equal(study('b.md'), before);
  });

  it('autocode writes the edit, changes nothing else, and changes nothing when run again', async () => {
    const a = study('a.md');
    const b = study('b.md');
    const result = await runCli('autocode', 'colleagues', dir, '--code', 'comparison');
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /^Coded 1 passage with #comparison in 1 study/);
    assert.equal(study('a.md'), a.replace('that of colleagues doing', 'that of [colleagues]{#comparison} doing'));
    assert.equal(study('b.md'), b);
    const again = await runCli('autocode', 'colleagues', dir, '--code', 'comparison');
    assert.match(again.out, /^Coded 0 passages with #comparison in 0 studies \(1 hits; 1 already coded; 0 skipped\)\./);
    assert.equal(study('a.md'), a.replace('that of colleagues doing', 'that of [colleagues]{#comparison} doing'));
  });

  it('bad input: a message and exit code 2', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['search', '(a+)+', dir, '--regex'], /exponential time/],
      [['search', 'x', dir, '--filter', 'year>'], /filter|value/i],
      [['search', 'x', dir, '--regex', '--phrase'], /exclude each other/],
      [['autocode', 'pay', dir], /--code NAME/],
      [['autocode', 'pay', dir, '--code', 'x', '--unit', 'word'], /--unit takes match, sentence, block/],
      [['autocode', 'pay', dir, '--code', '9lives'], /not a valid code name/],
      [['search'], /expected PATTERN \[dir\]/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(...args);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.err, message, args.join(' '));
    }
  });
});
