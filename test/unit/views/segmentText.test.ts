import { strict as assert } from 'node:assert';
import { parseStudy } from '../../../src/core/study';
import { Debouncer } from '../../../src/vscode/debouncer';
import { excerpt, quotesMarkdown, segmentsMarkdown } from '../../../src/core/segmentText';

const study = parseStudy('studies/a.md', '---\nid: a\n---\n> "Paid less than the nurses." (worker)\n> #low-pay\n\nAuthors saw [pay gaps]{#low-pay}.\n');
const citation = () => 'Alder 2010';

describe('segment text', () => {
  it('shortens an excerpt at a word with an ellipsis', () => {
    assert.equal(excerpt('short text'), 'short text');
    assert.equal(excerpt('one two three four five six seven', 20), 'one two three four…');
    assert.equal(excerpt('a\n  b'), 'a b');
  });

  it('quotes segments as Markdown with citations', () => {
    assert.equal(quotesMarkdown(study.segments, citation), '> "Paid less than the nurses." (worker) — (Alder 2010)\n\n> pay gaps — (Alder 2010)');
  });

  it('renders the all-segments document with one section per study, lines and orders', () => {
    const text = segmentsMarkdown({ title: '#low-pay', about: 'Pay below colleagues.', filter: 'year>=2005', segments: study.segments, citation });
    assert.equal(
      text,
      "# #low-pay — 2 segments in 1 study\n\nPay below colleagues.\n\nFilter: year>=2005\n\n## Alder 2010 · studies/a.md\n\n> \"Paid less than the nurses.\" (worker)\n\nLine 4 · participants' words (first-order) · #low-pay\n\n> pay gaps\n\nLine 7 · authors' interpretation (second-order) · #low-pay\n",
    );
  });
});

describe('debouncer', () => {
  it('runs once after a burst, and at the latest maxWait after the first trigger', async () => {
    let runs = 0;
    const debouncer = new Debouncer(() => runs++, 30, 80);
    for (let i = 0; i < 5; i++) debouncer.trigger();
    assert.equal(runs, 0);
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.equal(runs, 1);
    const steady = setInterval(() => debouncer.trigger(), 10);
    await new Promise((resolve) => setTimeout(resolve, 200));
    clearInterval(steady);
    debouncer.dispose();
    assert.ok(runs >= 2 && runs <= 4, `${runs} runs during 200 ms of triggers every 10 ms (max wait 80 ms)`);
  });

  it('flush runs a pending run now; cancel forgets it', () => {
    let runs = 0;
    const debouncer = new Debouncer(() => runs++, 1000);
    debouncer.trigger();
    debouncer.flush();
    debouncer.flush();
    assert.equal(runs, 1);
    debouncer.trigger();
    debouncer.cancel();
    assert.equal(debouncer.pending, false);
  });
});
