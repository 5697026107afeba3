import { strict as assert } from 'node:assert';
import picomatch from 'picomatch';
import { buildReport } from '../../../src/core/report/buildReport';
import { loadReview, type Review } from '../../../src/core/review';

const CODEBOOK = [
  '# Working as a peer', '', 'Kind: analytical', '',
  '## Pay', '', 'Kind: descriptive', '', '- #low-pay: Pay below colleagues.', '- #hours: Few hours.', '',
  '# Receiving support', '', '- #hope: Hope.', '',
].join('\n');
const STUDIES = {
  'studies/jones-2010.md': '---\nid: jones-2010\nauthors: [Jones]\nyear: 2010\n---\n[Paid less than the nurses]{#low-pay coder="jb" memo="pay compared with nurses, not with other peers"} and [hope again]{#hope}.\n',
  'studies/lee-1999.md': '---\nid: lee-1999\nauthors: [Lee]\nyear: 1999\n---\n[Only ten hours a week]{#hours #low-pay}.\n',
};
const MEMOS = {
  'memos/pay.md': '---\ntitle: Pay as recognition\nauthor: PR\ndate: 2012-05-16\nabout:\n  codes: [low-pay, hours]\n  themes: ["Working as a peer > Pay"]\n---\nPay is read as recognition.\n\nSecond thought on #hours.\n',
  'memos/analytical.md': '---\nauthor: JB\ndate: 2012-05-09\nabout:\n  themes: ["Working as a peer"]\n---\n# Becoming a worker\n\nA movement between roles.\n',
  'memos/loa.md': '---\ntitle: Line of argument\nauthor: JB\ndate: 2012-06-14\nabout: review\n---\nThe credential is used but not paid for.\n',
};

async function review(config = '', extra: Record<string, string> = {}): Promise<Review> {
  const files: Record<string, string> = { 'qualsynth.yaml': config, 'codebook.md': CODEBOOK, ...STUDIES, ...MEMOS, ...extra };
  return loadReview({
    findFiles: async (glob) => Object.keys(files).filter((path) => picomatch(glob)(path)).sort(),
    readFile: async (path) => (files[path] === undefined ? undefined : new TextEncoder().encode(files[path])),
  });
}

/** The lines of the Markdown report from the heading starting with `from` up to the next heading of that depth or above. */
function section(markdown: string, from: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith(from));
  assert.ok(start >= 0, `no heading ${from}`);
  const depth = /^#+/.exec(from)![0].length;
  const end = lines.findIndex((line, index) => index > start && /^#+ /.test(line) && /^#+/.exec(line)![0].length <= depth);
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

describe('report: memos and theme kinds', () => {
  it('ends a code section with its memos, labelled as third order, with author, date, link and text', async () => {
    const { markdown } = buildReport(await review());
    const lowPay = section(markdown!, '##### `#low-pay`');
    assert.match(lowPay, /\*\*Reviewers’ interpretation \(third order\):\*\*\n\n_Pay as recognition_ — PR, 2012-05-16 \(\[memos\/pay\.md\]\(\.\.\/memos\/pay\.md\)\)\n\nPay is read as recognition\.\n\nSecond thought on #hours\.\n*$/);
    // The passage's own memo= annotation is printed after it.
    assert.match(lowPay, /_Paid less than the nurses_ and hope again\. \(Jones 2010, \[studies\/jones-2010\.md:6\]\(\.\.\/studies\/jones-2010\.md#L6\)\) — _Reviewers’ memo: pay compared with nurses, not with other peers_/);
  });

  it('prints a memo about several codes and themes once in full, then refers to it', async () => {
    const { markdown } = buildReport(await review());
    assert.equal(markdown!.split('Pay is read as recognition.').length - 1, 1);
    assert.match(section(markdown!, '##### `#hours`'), /_Pay as recognition_ — printed above \(\[memos\/pay\.md\]\(\.\.\/memos\/pay\.md\)\)/);
    assert.match(section(markdown!, '#### Pay'), /_Pay as recognition_ — printed above/);
  });

  it('labels and counts theme kinds, and puts a theme memo after its codes, before its sub-themes', async () => {
    const { markdown, model } = buildReport(await review());
    assert.deepEqual(model.counts.themeKinds, { analytical: 1, descriptive: 1, concept: 0, unmarked: 1 });
    assert.match(markdown!, /3 themes \(1 analytical, 1 descriptive\) · 3 codes · 3 coded segments \(0 first-order, 3 second-order\) · 3 memos\./);
    const working = section(markdown!, '### Working as a peer');
    assert.match(working, /^### Working as a peer\n\n_Analytical theme · 2 contributing studies · 2 coded segments\._\n\n\*\*Reviewers’ interpretation \(third order\):\*\*\n\n_Becoming a worker_ — JB, 2012-05-09/);
    assert.match(section(markdown!, '#### Pay'), /_Descriptive theme · 2 contributing studies/);
    assert.doesNotMatch(markdown!, /Kind: /);
  });

  it('writes a Synthesis section: analytical themes with their memos first, then the review memos', async () => {
    const { markdown, model } = buildReport(await review());
    assert.deepEqual(model.synthesis?.analytical.map((theme) => theme.title), ['Working as a peer']);
    const synthesis = section(markdown!, '## Synthesis');
    const order = ['### Analytical themes', '**Working as a peer**', 'A movement between roles.', '### Line of argument', '_Line of argument_ — JB, 2012-06-14', 'The credential is used but not paid for.'];
    const positions = order.map((text) => synthesis.indexOf(text));
    assert.ok(positions.every((position, index) => position >= 0 && (index === 0 || position > positions[index - 1])), JSON.stringify(positions));
    assert.ok(markdown!.indexOf('## Synthesis') > markdown!.indexOf('### Receiving support'), 'after the themes');
  });

  it('calls it the line of argument for meta-ethnography, and leaves it out when there is nothing to put in it', async () => {
    assert.match(buildReport(await review('method: meta-ethnography\n')).markdown!, /\n## Line of argument\n[\s\S]*\n### Review memos\n/);
    const plain = await review('', {});
    plain.index.removeMemo('memos/loa.md');
    plain.updateCodebookText(CODEBOOK.replace('Kind: analytical', ''));
    const { markdown, model } = buildReport(plain);
    assert.equal(model.synthesis, undefined);
    assert.doesNotMatch(markdown!, /## Synthesis/);
  });

  it('fills ENTREQ 16, 17, 19 and 21 from the data: coders only as far as segments record them', async () => {
    const { model } = buildReport(await review('reviewers: [JB, PR, TA]\n'));
    const item = (number: number): string => model.entreq[number - 1].filled;
    assert.equal(item(16), '3 reviewers: JB, PR, TA; 1 of 3 coded segments names a coder (`coder=`): 1 distinct coder recorded (jb).');
    assert.match(item(17), /The reviewers kept 3 memos apart from the coding/);
    assert.match(item(19), /Marked in the codebook \(`Kind:`\): 1 descriptive, 1 analytical; 1 unmarked\./);
    assert.match(item(21), /beyond the studies: 1 analytical theme \(Working as a peer\) and 1 review-level memo \(Synthesis\)\.$/);
    const none = buildReport(await review('', { 'studies/jones-2010.md': STUDIES['studies/jones-2010.md'].replace(' coder="jb"', '') })).model;
    assert.match(none.entreq[15].filled, /no coded segment names a coder/);
  });

  it('writes memos.csv: one row per memo file, by path', async () => {
    const { csv } = buildReport(await review(), { formats: ['csv'] });
    assert.equal(csv!['memos.csv'], [
      'file,title,author,date,codes,themes,studies,review,references,text',
      'memos/analytical.md,Becoming a worker,JB,2012-05-09,,Working as a peer,,0,,"# Becoming a worker\n\nA movement between roles."',
      'memos/loa.md,Line of argument,JB,2012-06-14,,,,1,,The credential is used but not paid for.',
      'memos/pay.md,Pay as recognition,PR,2012-05-16,low-pay; hours,Working as a peer › Pay,,0,hours,"Pay is read as recognition.\n\nSecond thought on #hours."',
      '',
    ].join('\n'));
  });
});
