/**
 * Code Selection in the core: every case compares the whole file after the edit, and
 * every refusal says why. The cases first (a selection cutting a span's
 * bracket, front matter, fenced code, list items), then the rest of the rules.
 */
import { strict as assert } from 'node:assert';
import { adjustmentMessage, codingEdits, planSelections, type SelectionRange } from '../../../src/core/edits/codeSelection';
import { inVivoName } from '../../../src/core/edits/inVivoName';
import { applyEdits } from '../../../src/core/edits/textEdit';

/** The range of the `nth` occurrence of `needle` in `text`. */
function rangeOf(text: string, needle: string, nth = 0): SelectionRange {
  let start = -1;
  for (let index = 0; index <= nth; index++) start = text.indexOf(needle, start + 1);
  assert.ok(start >= 0, `${needle} not in the text`);
  return { start, end: start + needle.length };
}

/** Codes the selections and returns the whole new text and the adjustment messages. */
function code(text: string, selections: SelectionRange[], codes: string[]): { text: string; messages: string[] } {
  const plan = planSelections('studies/s.md', text, selections);
  const edits = codingEdits(plan, text, codes);
  assert.ok(edits.every((edit) => edit.start === edit.end), 'insertions only');
  return { text: applyEdits(text, edits), messages: plan.targets.map(adjustmentMessage).filter((message): message is string => message !== undefined) };
}

function refusal(text: string, selection: SelectionRange): string {
  try {
    planSelections('studies/s.md', text, [selection]);
  } catch (error) {
    return (error as Error).message;
  }
  assert.fail('the selection was not refused');
}

const PEER = 'Peer workers reported [being treated as patients by team members]{#staff-prejudice}.\n';

describe('code selection: a selection cutting a span is snapped, never silently re-codes', () => {
  it('a selection cutting the opening bracket shrinks inside the span, and says so', () => {
    const result = code(PEER, [rangeOf(PEER, 'reported [being treated')], ['tokenism']);
    assert.equal(result.text, 'Peer workers reported [[being treated]{#tokenism} as patients by team members]{#staff-prejudice}.\n');
    assert.deepEqual(result.messages, ['The selection cut through the span [being treated as patients by t…]{#staff-prejudice}, so the coded passage was shrunk to a passage inside it.']);
  });
  it('a selection of the passage and its braces but not the bracket codes that span', () => {
    const result = code(PEER, [rangeOf(PEER, 'being treated as patients by team members]{#staff-prejudice}')], ['tokenism']);
    assert.equal(result.text, 'Peer workers reported [being treated as patients by team members]{#staff-prejudice #tokenism}.\n');
    assert.match(result.messages[0], /extended to enclose it/);
  });
  it('extends to enclose a span when that is nearer than shrinking', () => {
    const text = 'They said [it]{#a} was hard to bear at work.\n';
    const result = code(text, [rangeOf(text, 'They said [it')], ['b']);
    assert.equal(result.text, '[They said [it]{#a}]{#b} was hard to bear at work.\n');
    assert.match(result.messages[0], /extended/);
  });
  it('a selection inside a span passage nests a new span', () => {
    assert.equal(code(PEER, [rangeOf(PEER, 'treated as')], ['tokenism']).text, 'Peer workers reported [being [treated as]{#tokenism} patients by team members]{#staff-prejudice}.\n');
  });
  it('a selection of a span passage adds the codes to its braces, once each', () => {
    const text = '[paid less]{#low-pay}\n';
    assert.equal(code(text, [rangeOf(text, 'paid less')], ['hope', 'low-pay']).text, '[paid less]{#low-pay #hope}\n');
    assert.equal(code(text, [rangeOf(text, '[paid less]{#low-pay}')], ['hope']).text, '[paid less]{#low-pay #hope}\n');
    assert.deepEqual(codingEdits(planSelections('s.md', text, [rangeOf(text, 'paid less')]), text, ['low-pay']), []);
  });
  it('a bare tag the selection would take in stays with the block it codes', () => {
    const text = 'Peer #tokenism said things.\n';
    const result = code(text, [rangeOf(text, 'Peer #tokenism said')], ['x']);
    assert.equal(result.text, '[Peer]{#x} #tokenism said things.\n');
    assert.match(result.messages[0], /took in the tag #tokenism/);
  });
  it('a tag line under a quote is left outside the new span', () => {
    const text = '> "They still see me as a client."\n> #staff-prejudice\n';
    const result = code(text, [rangeOf(text, '"They still see me as a client."\n> #staff-prejudice')], ['tokenism']);
    assert.equal(result.text, '> ["They still see me as a client."]{#tokenism}\n> #staff-prejudice\n');
  });
  it('refuses a selection inside a brace group, and a selection of tags alone', () => {
    assert.match(refusal(PEER, rangeOf(PEER, 'staff-prej')), /only tags/);
    const text = 'Text.\n\n#a #b\n';
    assert.match(refusal(text, rangeOf(text, '#a #b')), /only tags/);
  });
});

describe('code selection: refused where no coding can be, with the reason', () => {
  it('front matter (the citation is never changed)', () => {
    const text = '---\ncitation: "Alpha A. Study one. 2001."\n---\nText here.\n';
    assert.match(refusal(text, rangeOf(text, 'Study one')), /front matter/);
  });
  it('fenced code, indented code, HTML comments, link definitions', () => {
    const fenced = 'Intro.\n\n```\ncode here\n```\n\nAfter.\n';
    assert.match(refusal(fenced, rangeOf(fenced, 'code here')), /fenced code block/);
    const indented = 'Intro.\n\n    indented code\n\nAfter.\n';
    assert.match(refusal(indented, rangeOf(indented, 'indented')), /indented code block/);
    const comment = '<!--\nhidden text\n-->\nVisible.\n';
    assert.match(refusal(comment, rangeOf(comment, 'hidden')), /HTML comment/);
    const definition = 'Text.\n\n[ref]: https://example.org\n';
    assert.match(refusal(definition, rangeOf(definition, 'example')), /link reference definition/);
  });
  it('an edge inside inline code, an inline comment or a link', () => {
    const inline = 'Use `inline code` here.\n';
    assert.match(refusal(inline, rangeOf(inline, 'code` here')), /inline code, a link or HTML/);
    const html = 'Text <!-- a note --> more.\n';
    assert.match(refusal(html, rangeOf(html, 'a note')), /inline code, a link or HTML/);
    const link = 'A [nice](http://x.org) link.\n';
    assert.match(refusal(link, rangeOf(link, 'nice](http')), /inline code, a link or HTML/);
  });
  it('an empty or blank selection', () => {
    assert.match(refusal('a  b\n', { start: 1, end: 3 }), /Select the passage/);
  });
});

describe('code selection: across blocks, one span per block', () => {
  it('two list items get a span each, the markers stay outside', () => {
    const text = '- item one\n- item two\n';
    assert.equal(code(text, [rangeOf(text, 'one\n- item')], ['x']).text, '- item [one]{#x}\n- [item]{#x} two\n');
  });
  it('two paragraphs get a span each', () => {
    const text = 'Para one.\n\nPara two.\n';
    const plan = planSelections('s.md', text, [rangeOf(text, 'one.\n\nPara')]);
    assert.equal(plan.targets.length, 2);
    assert.equal(applyEdits(text, codingEdits(plan, text, ['x'])), 'Para [one.]{#x}\n\n[Para]{#x} two.\n');
  });
  it('a quote across lines stays one span, markers inside the passage', () => {
    const text = '> They still see me\n> as a client.\n';
    assert.equal(code(text, [rangeOf(text, 'They still see me\n> as a client.')], ['x']).text, '> [They still see me\n> as a client.]{#x}\n');
  });
});

describe('code selection: several cursors, CRLF and code names', () => {
  it('codes every selection in one edit, leaving CRLF and a BOM-less file byte-identical elsewhere', () => {
    const text = '---\r\nid: a\r\n---\r\nWorkers were paid less and felt alone.\r\n\r\nSecond [passage here]{#low-pay}.\r\n';
    const result = code(text, [rangeOf(text, 'paid less'), rangeOf(text, 'felt alone'), rangeOf(text, 'passage here')], ['low-pay', 'social-network']);
    assert.equal(result.text, '---\r\nid: a\r\n---\r\nWorkers were [paid less]{#low-pay #social-network} and [felt alone]{#low-pay #social-network}.\r\n\r\nSecond [passage here]{#low-pay #social-network}.\r\n');
  });
  it('refuses overlapping selections and invalid code names', () => {
    const text = 'one two three\n';
    assert.throws(() => planSelections('s.md', text, [rangeOf(text, 'one two'), rangeOf(text, 'two three')]), /overlap/);
    assert.throws(() => codingEdits(planSelections('s.md', text, [rangeOf(text, 'one')]), text, ['#x']), /not a valid code name/);
  });
  it('adjacent selections close one span before the next opens', () => {
    const text = 'onetwo\n';
    assert.equal(code(text, [{ start: 0, end: 3 }, { start: 3, end: 6 }], ['x']).text, '[one]{#x}[two]{#x}\n');
  });
});

describe('in-vivo code names', () => {
  it('kebab-cases the selected words', () => {
    assert.equal(inVivoName('being treated as patients'), 'being-treated-as-patients');
    assert.equal(inVivoName('"They still see me as a client,"'), 'they-still-see-me-as-a-client');
    assert.equal(inVivoName("don't   FIT in"), 'dont-fit-in');
  });
  it('leaves out tag syntax, quote markers and leading numbers', () => {
    assert.equal(inVivoName('[being treated]{#staff-prejudice} as\n> patients'), 'being-treated-as-patients');
    assert.equal(inVivoName('24 hours a day'), 'hours-a-day');
    assert.equal(inVivoName('Ça fait mal'), 'ça-fait-mal');
  });
  it('keeps whole words up to 40 characters, and gives nothing without a letter', () => {
    assert.equal(inVivoName('we were never really part of the team at all, not once'), 'we-were-never-really-part-of-the-team-at');
    assert.equal(inVivoName('1999 — 2001'), undefined);
  });
});

describe('code selection: attributes stay last in the braces', () => {
  it('adds the codes after the span\'s last code, before its attributes', () => {
    const text = 'We saw [less pay]{#low-pay coder="jb"}.\n';
    assert.equal(code(text, [rangeOf(text, 'less pay')], ['hope']).text, 'We saw [less pay]{#low-pay #hope coder="jb"}.\n');
  });
});
