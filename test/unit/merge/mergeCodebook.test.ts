import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { mergeCodebook } from '../../../src/core/merge/mergeCodebook';
import { gitLineMerge } from '../../../src/node/git/mergeFile';

const merge = (base: string, ours: string, theirs: string) => mergeCodebook(base, ours, theirs, gitLineMerge);

const BASE = `---
title: Codebook
---
# Workers
Description of workers.

## Discrimination
- #staff-prejudice: Nonpeer staff doubt competence.
- #tokenism: Roles without influence.

## Pay
- #low-pay: Pay below colleagues.

# Recipients
## Social networks
- #social-network: Wider contacts.
`;

const after = (text: string, line: string, added: string): string => text.replace(`${line}\n`, `${line}\n${added}\n`);

describe('codebook merge', function () {
  this.timeout(20_000);

  it('gives back the demo and fixture codebooks byte for byte', async () => {
    for (const file of ['../../../examples/peer-support/codebook.md', '../../fixtures/review-basic/codebook.md']) {
      const text = readFileSync(path.resolve(__dirname, file), 'utf8');
      assert.equal((await merge(text, text, text)).text, text, file);
      const crlf = `\uFEFF${text.replace(/\n/g, '\r\n')}`;
      assert.equal((await merge(crlf, crlf, crlf)).text, crlf, `${file} with CRLF and BOM`);
    }
  });

  it('keeps definitions added on both sides under the same theme, each under its theme', async () => {
    const ours = after(BASE, '- #tokenism: Roles without influence.', '- #exclusion: Left out of meetings.');
    const theirs = after(after(BASE, '- #tokenism: Roles without influence.', '- #client-role: Treated as a client.'), '- #low-pay: Pay below colleagues.', '- #hours: Few hours.');
    const result = await merge(BASE, ours, theirs);
    assert.equal(result.conflicts, 0);
    assert.equal(result.text, after(after(ours, '- #exclusion: Left out of meetings.', '- #client-role: Treated as a client.'), '- #low-pay: Pay below colleagues.', '- #hours: Few hours.'));
  });

  it('shows a conflict with both definitions when both sides define the same code differently', async () => {
    const ours = after(BASE, '- #low-pay: Pay below colleagues.', '- #hours: Few hours of work.');
    const theirs = after(BASE, '- #low-pay: Pay below colleagues.', '- #hours: Few hours.');
    const result = await merge(BASE, ours, theirs);
    assert.equal(result.conflicts, 1);
    assert.match(result.text, /- #low-pay: Pay below colleagues\.\n<<<<<<< ours\n- #hours: Few hours of work\.\n=======\n- #hours: Few hours\.\n>>>>>>> theirs\n\n# Recipients/);
    const changed = await merge(BASE, BASE.replace('Wider contacts.', 'Wider social contacts.'), BASE.replace('Wider contacts.', 'More contacts.'));
    assert.equal(changed.conflicts, 1);
    assert.match(changed.text, /<<<<<<< ours\n- #social-network: Wider social contacts\.\n=======\n- #social-network: More contacts\.\n>>>>>>> theirs\n$/);
  });

  it('takes a definition changed on one side', async () => {
    const result = await merge(BASE, BASE.replace('Wider contacts.', 'Wider social contacts.'), after(BASE, '- #tokenism: Roles without influence.', '- #exclusion: Left out.'));
    assert.equal(result.conflicts, 0);
    assert.match(result.text, /- #tokenism: Roles without influence\.\n- #exclusion: Left out\.\n[^]*- #social-network: Wider social contacts\.\n$/);
  });

  it('merges a code moved to another theme on one side with additions next to it on the other', async () => {
    const ours = after(BASE.replace('- #tokenism: Roles without influence.\n', ''), '- #low-pay: Pay below colleagues.', '- #tokenism: Roles without influence.');
    const theirs = after(BASE, '- #tokenism: Roles without influence.', '- #client-role: Treated as a client.');
    const result = await merge(BASE, ours, theirs);
    assert.equal(result.conflicts, 0);
    assert.match(result.text, /## Discrimination\n- #staff-prejudice: [^\n]*\n- #client-role: Treated as a client\.\n\n## Pay\n- #low-pay: [^\n]*\n- #tokenism: Roles without influence\.\n\n/);
  });

  it('merges a theme moved on one side with a definition added under it on the other', async () => {
    const ours = BASE.replace('## Pay\n- #low-pay: Pay below colleagues.\n\n', '').replace('- #social-network: Wider contacts.\n', '- #social-network: Wider contacts.\n\n## Pay\n- #low-pay: Pay below colleagues.\n');
    const theirs = after(BASE, '- #low-pay: Pay below colleagues.', '- #hours: Few hours.');
    const result = await merge(BASE, ours, theirs);
    assert.equal(result.conflicts, 0);
    assert.equal(result.text, `${ours}- #hours: Few hours.\n`);
  });

  it('removes a definition removed on one side and untouched on the other', async () => {
    const result = await merge(BASE, BASE.replace('- #tokenism: Roles without influence.\n', ''), after(BASE, '- #low-pay: Pay below colleagues.', '- #hours: Few hours.'));
    assert.equal(result.conflicts, 0);
    assert.doesNotMatch(result.text, /#tokenism/);
    assert.match(result.text, /#hours/);
  });
});
