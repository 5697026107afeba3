import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { mergeStudy } from '../../../src/core/merge/mergeStudy';
import { splitStudy } from '../../../src/core/merge/studyParts';
import { gitLineMerge } from '../../../src/node/git/mergeFile';

const merge = (base: string, ours: string, theirs: string) => mergeStudy(base, ours, theirs, gitLineMerge);

const STUDY_FOLDERS = [path.resolve(__dirname, '../../../examples/peer-support/studies'), path.resolve(__dirname, '../../fixtures/review-basic/studies')];

function studyFiles(): Array<[string, string]> {
  return STUDY_FOLDERS.flatMap((folder) => readdirSync(folder).filter((name) => name.endsWith('.md')).map((name) => [name, readFileSync(path.join(folder, name), 'utf8')] as [string, string]));
}

const BASE = `---
id: s
---

> "They still see me as a client." (peer worker)

Peer workers described being excluded from meetings
and pay well below that of colleagues.
`;

describe('study merge', function () {
  this.timeout(30_000);

  it('gives back every demo and fixture study byte for byte (merged with itself, and against the study without tags)', async () => {
    const files = studyFiles();
    assert.ok(files.length > 20);
    for (const [name, text] of files) {
      assert.equal((await merge(text, text, text)).text, text, name);
      const untagged = splitStudy(text).plain;
      assert.equal((await merge(untagged, text, untagged)).text, text, `${name} (ours coded)`);
      assert.equal((await merge(untagged, untagged, text)).text, text, `${name} (theirs coded)`);
    }
  });

  it('keeps CRLF line breaks, the BOM and untouched syntax byte for byte', async () => {
    const crlf = (text: string): string => `\uFEFF${text.replace(/\n/g, '\r\n')}`;
    const ours = BASE.replace('(peer worker)\n', '(peer worker)\n> #staff-prejudice\n').replace('being excluded from meetings\nand', '[being excluded from meetings\nand]{#exclusion memo="two lines"}');
    const theirs = BASE.replace('pay well below that of colleagues', '[pay well below that of colleagues]{#low-pay}');
    const result = await merge(crlf(BASE), crlf(ours), crlf(theirs));
    assert.equal(result.conflicts, 0);
    assert.equal(
      result.text,
      crlf(BASE.replace('(peer worker)\n', '(peer worker)\n> #staff-prejudice\n').replace('being excluded from meetings\nand pay well below that of colleagues', '[being excluded from meetings\nand]{#exclusion memo="two lines"} [pay well below that of colleagues]{#low-pay}')),
    );
  });

  it('gives the same passage coded differently on each side both codes, in one span', async () => {
    const ours = BASE.replace('pay well below that of colleagues', '[pay well below that of colleagues]{#low-pay}');
    const theirs = BASE.replace('pay well below that of colleagues', '[pay well below that of colleagues]{#inequity}');
    const result = await merge(BASE, ours, theirs);
    assert.equal(result.conflicts, 0);
    assert.match(result.text, /\[pay well below that of colleagues\]\{#low-pay #inequity\}/);
  });

  it('keeps each coder\'s span apart when their attributes differ (coder="…")', async () => {
    const ours = BASE.replace('pay well below', '[pay well below]{#low-pay coder="jb"}');
    const theirs = BASE.replace('pay well below', '[pay well below]{#low-pay coder="mk"}');
    const result = await merge(BASE, ours, theirs);
    assert.equal(result.conflicts, 0);
    assert.match(result.text, /\[\[pay well below\]\{#low-pay coder="mk"\}\]\{#low-pay coder="jb"\}|\[\[pay well below\]\{#low-pay coder="jb"\}\]\{#low-pay coder="mk"\}/);
  });

  it('removes a coding one side removed and the other left alone; keeps one the other renamed', async () => {
    const coded = BASE.replace('being excluded from meetings', '[being excluded from meetings]{#exclusion #staff}').replace('of colleagues.', 'of colleagues. #pay');
    const ours = coded.replace('{#exclusion #staff}', '{#staff}');
    const theirs = coded.replace(' #pay', ' #low-pay');
    const result = await merge(coded, ours, theirs);
    assert.equal(result.conflicts, 0);
    assert.match(result.text, /\[being excluded from meetings\]\{#staff\}/);
    assert.match(result.text, /of colleagues\. #low-pay\n/);
    assert.doesNotMatch(result.text, /#pay\b|#exclusion/);
  });

  it('cuts crossing passages of two coders so both keep every character coded', async () => {
    const ours = BASE.replace('being excluded from meetings\nand pay', '[being excluded from meetings\nand pay]{#a}');
    const theirs = BASE.replace('from meetings\nand pay well below', '[from meetings\nand pay well below]{#b}');
    const result = await merge(BASE, ours, theirs);
    assert.equal(result.conflicts, 0);
    assert.match(result.text, /\[being excluded \[from meetings\nand pay\]\{#b\}\]\{#a\}\[ well below\]\{#b\}/);
  });

  it('merges attribute changes per key, and conflicts where both sides changed one key differently', async () => {
    const coded = BASE.replace('pay well below', '[pay well below]{#low-pay memo="m" coder="jb"}');
    const clean = await merge(coded, coded.replace('memo="m"', 'memo="ours"'), coded.replace('coder="jb"', 'coder="mk"'));
    assert.equal(clean.conflicts, 0);
    assert.match(clean.text, /\{#low-pay memo="ours" coder="mk"\}/);
    const conflict = await merge(coded, coded.replace('memo="m"', 'memo="ours"'), coded.replace('memo="m"', 'memo="theirs"'));
    assert.equal(conflict.conflicts, 1);
    assert.match(conflict.text, /<<<<<<< ours\nand \[pay well below\]\{#low-pay memo="ours" coder="jb"\} that of colleagues\.\n=======\nand \[pay well below\]\{#low-pay memo="theirs" coder="jb"\} that of colleagues\.\n>>>>>>> theirs\n/);
  });

  it('conflicts (never drops silently) when one side coded a passage the other deleted', async () => {
    const ours = BASE.replace('> "They still see me as a client." (peer worker)\n', '> "They still see me as a client." (peer worker)\n> #staff-prejudice\n');
    const theirs = BASE.replace('> "They still see me as a client." (peer worker)\n\n', '');
    const result = await merge(BASE, ours, theirs);
    assert.equal(result.conflicts, 1);
    assert.match(result.text, /<<<<<<< ours\n> "They still see me as a client\." \(peer worker\)\n> #staff-prejudice\n\n=======\n>>>>>>> theirs\n/);
  });

  it('carries a coding across a typo fixed on the other side', async () => {
    const typo = BASE.replace('excluded', 'exluded');
    const ours = typo.replace('being exluded from meetings', '[being exluded from meetings]{#exclusion}');
    const theirs = BASE;
    const result = await merge(typo, ours, theirs);
    assert.equal(result.conflicts, 0);
    assert.match(result.text, /\[being excluded from meetings\]\{#exclusion\}/);
  });

  it('merges block tags added to the same quote on both sides into the tag lines under it', async () => {
    const ours = BASE.replace('(peer worker)\n', '(peer worker)\n> #a\n');
    const theirs = BASE.replace('(peer worker)\n', '(peer worker)\n> #b #a\n');
    const result = await merge(BASE, ours, theirs);
    assert.equal(result.conflicts, 0);
    assert.match(result.text, /\(peer worker\)\n> #a\n> #b\n\n/);
  });
});
