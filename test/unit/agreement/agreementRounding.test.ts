import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { fixedWithin, renderAgreementMarkdown } from '../../../src/core/agreement/agreementMarkdown';
import { agreementOfSources } from '../../../src/node/git/agreementOfSources';

describe('agreement figures never contradict the disagreements listed', function () {
  this.timeout(20_000);
  it('keeps values strictly inside the range off its bounds', () => {
    assert.equal(fixedWithin(99.96, 1, 0, 100), '99.9');
    assert.equal(fixedWithin(100, 1, 0, 100), '100.0');
    assert.equal(fixedWithin(0.04, 1, 0, 100), '0.1');
    assert.equal(fixedWithin(0, 1, 0, 100), '0.0');
    assert.equal(fixedWithin(0.99996, 3, -1, 1), '0.999');
    assert.equal(fixedWithin(-0.99996, 3, -1, 1), '-0.999');
    assert.equal(fixedWithin(0.5, 3, -1, 1), '0.500');
    assert.equal(fixedWithin(72.25, 1, 0, 100), (72.25).toFixed(1));
  });

  it('prints pooled agreement below 100% when 1 block of 1,400 differs (3 codes: 2 of 4,200 pairs disagree)', async () => {
    const root = mkdtempSync(nodePath.join(tmpdir(), 'qualsynth-rounding-'));
    try {
      const paragraphs = Array.from({ length: 1400 }, (_, index) => `Paragraph ${index} says something. #x #z`);
      for (const [coder, body] of [['a', paragraphs], ['b', paragraphs.map((text, index) => (index === 700 ? text.replace(' #x', ' #y') : text))]] as const) {
        mkdirSync(nodePath.join(root, coder, 'studies'), { recursive: true });
        writeFileSync(nodePath.join(root, coder, 'codebook.md'), '# T\n- #x: X.\n- #y: Y.\n- #z: Z.\n');
        writeFileSync(nodePath.join(root, coder, 'studies', 's.md'), `---\nid: s\n---\n${body.join('\n\n')}\n`);
      }
      const report = await agreementOfSources(['a', 'b'], { cwd: root });
      assert.equal(report.disagreements.length, 1);
      assert.ok(report.overall.all.percentAgreement! > 0.9995, 'rounds to 100.0% with toFixed(1)');
      const pooled = renderAgreementMarkdown(report).split('\n').find((line) => line.startsWith('| **All codes (pooled)**'))!;
      assert.doesNotMatch(pooled, /100\.0%|\b1\.000\b/, pooled);
      assert.match(pooled, /99\.9%/);
      // For the webview panel: the disagreement's line links to the passage.
      const linked = renderAgreementMarkdown(report, { passageLink: (path, line) => `${path}#L${line}`, collapsible: false });
      const row = linked.split('\n').find((line) => line.startsWith(`| ${report.disagreements[0].id} |`))!;
      assert.match(row, /\| \[\d+\]\(<studies\/s\.md#L\d+>\) \|/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
