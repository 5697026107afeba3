import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { commands } from '../../../src/cli/commands';
import { writeDeterministicZip } from '../../../src/core/refi/zipWrite';
import { VERSION } from '../../../src/core/version';
import { runCli } from '../runCli';
import { makeSandbox, snapshot, type Sandbox } from './sandbox';

/** A REFI-QDA codebook whose codes nest `depth` levels deep. */
function deepCodebook(depth: number): string {
  const open = Array.from({ length: depth }, (_, i) => `<Code guid="00000000-0000-4000-8000-${String(i).padStart(12, '0')}" name="c${i}" isCodable="true">`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="test"><Codes>${open}${'</Code>'.repeat(depth)}</Codes></CodeBook>\n`;
}

describe('exit codes: a located problem and 0/1/2, never a stack trace; 70 only for a bug', () => {
  let box: Sandbox;
  beforeEach(() => (box = makeSandbox()));
  afterEach(() => box.remove());

  it('a .qdc or .qdpx nesting codes past the XML reader\'s 100 levels: exit 2, nothing written', async () => {
    box.write({ 'outside/deep.qdc': deepCodebook(120) });
    const project = `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="p">${deepCodebook(120).replace(/^<\?xml[^>]*>\n<CodeBook[^>]*>/, '<CodeBook>')}</Project>\n`;
    box.write({ 'outside/deep.qdpx': Buffer.from(writeDeterministicZip([['project.qde', new TextEncoder().encode(project)]])) });
    for (const file of ['deep.qdc', 'deep.qdpx']) {
      const before = snapshot(box.base);
      const run = await runCli('import', path.join(box.outside, file), path.join(box.outside, `new-${file}`));
      assert.equal(run.code, 2, run.err);
      assert.match(run.err, /nests elements more than 100 levels deep/);
      assert.equal(existsSync(path.join(box.outside, `new-${file}`)), false);
      assert.deepEqual(snapshot(box.base), before);
    }
  });
  it('`studies: ""` (the glob matcher used to throw): a located error, exit 1', async () => {
    box.write({ 'review/qualsynth.yaml': 'studies: ""\n' });
    const check = await runCli('check', box.review);
    assert.equal(check.code, 1);
    assert.match(check.out, /^qualsynth\.yaml:1:1: error: `studies` is empty/m);
    assert.equal(check.err, '');
  });
  it('an unforeseen failure: one line naming it a bug and where to report it, exit 70, no stack', async () => {
    commands.boom = { summary: '', usage: '', options: {}, run: async () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'x')\n    at nowhere")) };
    try {
      const run = await runCli('boom');
      assert.equal(run.code, 70);
      assert.equal(run.err, `qualsynth: internal error (a bug in QualSynth ${VERSION}): Cannot read properties of undefined (reading 'x'). Please report it at https://github.com/qualsynth/qualsynth/issues with the command you ran.\n`);
    } finally {
      delete commands.boom;
    }
  });
});
