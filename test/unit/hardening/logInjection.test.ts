import { strict as assert } from 'node:assert';
import { escapeForLog, logPath } from '../../../src/core/text/logSafe';
import { runCli } from '../runCli';
import { makeSandbox, type Sandbox } from './sandbox';

describe('CI log injection: every path and message printed by check stays on its line', () => {
  let box: Sandbox;
  beforeEach(() => (box = makeSandbox()));
  afterEach(() => box.remove());

  it('escapes control characters and a leading colon', () => {
    assert.equal(escapeForLog('a\nb\r\tc\u001b[31m\u2028'), 'a\\nb\\r\\tc\\u001b[31m\\u2028');
    assert.equal(logPath('::error file=x::pwned.md'), './::error file=x::pwned.md');
    assert.equal(logPath(' x.md'), './ x.md');
    assert.equal(logPath('studies/a.md'), 'studies/a.md');
  });
  it('a file name with a newline and a workflow command: one line, no line starts with ::', async () => {
    box.write({
      'review/studies/x\n::error file=codebook.md,line=1::pwned\n.md': 'Bad [span]{#fine\n',
      'review/studies/::warning::ok.md': 'A ]{#fine} stray.\n',
    });
    box.write({ 'review/qualsynth.yaml': 'studies: "studies/*.md"\n' });
    const run = await runCli('check', box.review);
    assert.equal(run.code, 1, run.err);
    const lines = run.out.trimEnd().split('\n');
    for (const line of lines) assert.doesNotMatch(line, /^\s*::/, line);
    assert.ok(lines.some((line) => line.startsWith('studies/x\\n::error file=codebook.md,line=1::pwned\\n.md:')), run.out);
    assert.equal(lines.length, 3, run.out);
  });
});
