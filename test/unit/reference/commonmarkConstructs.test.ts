/**
 * Every construct issue 16 found the old scanner losing or inventing tags on, as
 * realistic study text (quotes, transcripts, nested lists): the scanner's answer
 * written out, and checked against the CommonMark oracle.
 */
import { strict as assert } from 'node:assert';
import { parseStudy } from '../../../src/core/study';
import { differences, referenceFacts, scannerFacts } from './compareWithScanner';

/** Each segment as `kind order codes: source text`, and every tag's code. */
function read(text: string): { segments: string[]; tags: string[] } {
  const study = parseStudy('studies/s.md', text);
  return {
    segments: study.segments.map((segment) => `${segment.kind} ${segment.order} ${segment.codes.join(',')}: ${text.slice(segment.range.start, segment.range.end)}`),
    tags: study.tags.map((tag) => tag.code),
  };
}

function agreesWithOracle(text: string): void {
  assert.deepEqual(differences(text, scannerFacts(text), referenceFacts(text)), []);
}

/** The scanner reads `text` as `expected` (tags in order), and so does the oracle. */
function readsTags(text: string, expected: string[]): void {
  assert.deepEqual(read(text).tags, expected);
  agreesWithOracle(text);
}

describe('CommonMark constructs the scanner reads exactly (issue 16)', () => {
  describe('code and comments end with their container', () => {
    it('a fenced quote inside a block quote closes, and the tags after it count', () => {
      const text = '> Participant 4:\n>\n> ```\n> I never felt heard. #not-a-tag\n> ```\n\nStaff dismissed peer workers #staff-prejudice';
      assert.deepEqual(read(text).segments, ['block second staff-prejudice: Staff dismissed peer workers #staff-prejudice']);
      agreesWithOracle(text);
    });
    it('an unclosed fence in a quote ends with the quote', () => {
      readsTags('> Interviewer notes:\n> ```\n> #not-a-tag\n\nAfter the quote: peer workers felt valued #valued', ['valued']);
    });
    it('a fence in a list item whose text starts at column 4 (`1.  `, `10. `, `-   `) ends with the item', () => {
      for (const marker of ['1.  ', '10. ', '-   ']) {
        const pad = ' '.repeat(marker.length);
        readsTags(`${marker}Field notes:\n\n${pad}\`\`\`\n${pad}#not-a-tag\n${pad}\`\`\`\n\nThe team met weekly #team-meetings`, ['team-meetings']);
      }
    });
    it('a fence in a nested list item ends with it', () => {
      readsTags('- Site A\n  - Ward 3\n    ```\n    #not-a-tag\n    ```\n- Site B had no peer workers #no-peers', ['no-peers']);
    });
    it('an unclosed HTML comment in a quote or a list item ends with its container', () => {
      readsTags('> "It was hard." <!-- check the tape\n\nPeer workers described isolation #isolation', ['isolation']);
      readsTags('- <!-- reviewer note\n\nPeer workers described isolation #isolation', ['isolation']);
    });
  });

  describe('list items and quotes', () => {
    it("a continuation paragraph of an outer list item is text, not indented code", () => {
      const text = '1. Recruitment\n   - via clinics\n\n   Peer workers were recruited through clinics #recruitment';
      assert.deepEqual(read(text).segments, ['block second recruitment: Peer workers were recruited through clinics #recruitment']);
      agreesWithOracle(text);
    });
    it('a tab after `>` is a quote marker: the quote is first-order', () => {
      const text = '>\t"They listened to me." #being-heard';
      assert.deepEqual(read(text).segments, ['block first being-heard: "They listened to me." #being-heard']);
      agreesWithOracle(text);
    });
    it('`- # Heading` and `- ***` followed by a line', () => {
      readsTags('- # Theme one\nPeer workers felt valued #valued', ['valued']);
      assert.deepEqual(read('- ***\nThe staff #staff').segments, ['block second staff: The staff #staff']);
      agreesWithOracle('- ***\nThe staff #staff');
    });
    it("indented code as a list item's first content is code", () => {
      readsTags('-     #not-a-tag\n\n  Said by a manager #managers', ['managers']);
    });
    it('list items nested on one line, each read', () => {
      readsTags('* * "We were never told." #communication', ['communication']);
    });
    it('a quote in a nested list item is first-order', () => {
      const text = '- Participants\n  - > "Nobody asked me." #not-consulted';
      assert.deepEqual(read(text).segments, ['block first not-consulted: "Nobody asked me." #not-consulted']);
      agreesWithOracle(text);
    });
  });

  describe('text that only looks like syntax is read', () => {
    it('`[long silence](about 5 s #hesitation)` is not a link', () => {
      readsTags('P3: I just… [long silence](about 5 s #hesitation) no.', ['hesitation']);
    });
    it('`<crosstalk #overlap>` and `x<y for #group-a` are not HTML', () => {
      readsTags('P1: I think <crosstalk #overlap> yes, exactly.', ['overlap']);
      readsTags('Scores were x<y for #group-a and x>y for #group-b.', ['group-a', 'group-b']);
    });
    it('`<peer workers: #contact>` is not an autolink', () => {
      readsTags('They asked for <peer workers: #contact> at intake.', ['contact']);
    });
    it('`_felt #stigma_`: a name ends before `_` that closes emphasis', () => {
      readsTags('She _felt #stigma_ at work, and #low_pay was named.', ['stigma', 'low_pay']);
    });
  });

  describe('what is not text hides its tags', () => {
    it('real links: destinations and titles, reference labels, image alt text', () => {
      readsTags('See [the protocol](https://osf.io/x#methods "Methods #2a") and [the appendix][app] #methods\n\n[app]: https://osf.io/y#appendix', ['methods']);
      readsTags('![Figure 2 #not-a-tag](fig2.png) Figure 2 shows the themes #figures', ['figures']);
    });
    it('autolinks and raw HTML, with the spec\'s inline forms', () => {
      readsTags('Email <team@example.org> or see <https://x.org/#a> <span title="#t">P2</span> #contact', ['contact']);
      readsTags('Notes <?php #x ?> <!DOCTYPE #y> <![CDATA[ #z ]]> <!--> #seen', ['seen']);
    });
    it('the bodies of <pre>, <script>, <style> and <textarea> blocks', () => {
      for (const tag of ['pre', 'script', 'style', 'textarea']) {
        readsTags(`<${tag}>\n#main { color: red }\n</${tag}>\n\nThe transcript follows #transcript`, ['transcript']);
      }
    });
    it('a `<div>` block is read as text (a documented choice)', () => {
      assert.deepEqual(read('<div class="quote">\n"We were a team." #teamwork\n</div>').tags, ['teamwork']);
    });
  });

  describe('link reference definitions', () => {
    it('with a title over several lines, or escaped quotes', () => {
      readsTags('[osf]: https://osf.io/x\n  "Open Science\n  Framework #not-a-tag"\n\nData are on [OSF][osf] #open-data', ['open-data']);
      readsTags('[osf]: https://osf.io/x "the \\"#not-a-tag\\" page"\n\nSee [osf] #open-data', ['open-data']);
    });
    it('an invalid definition (`[]:`) is text, and its tags count', () => {
      readsTags('[]: https://osf.io/x #not-a-definition', ['not-a-definition']);
    });
  });

  describe('GitHub tables: a tag in a cell codes its row', () => {
    const table = '| Study | Finding |\n| --- | --- |\n| Mowbray 2005 | peer workers excluded #staff-prejudice |\n| Moll 2009 | [paid less]{#low-pay} than colleagues |';
    it('the row is the coded passage, a span stays a span', () => {
      assert.deepEqual(read(table).segments, [
        'block second staff-prejudice: Mowbray 2005 | peer workers excluded #staff-prejudice',
        'span second low-pay: paid less',
      ]);
      agreesWithOracle(table);
    });
    it('the excerpt of a row reads its cells', () => {
      const study = parseStudy('studies/s.md', table);
      assert.equal(study.segments[0].text, 'Mowbray 2005 | peer workers excluded');
    });
    it('a table in a quote is first-order; pipes split cells even in code', () => {
      const text = '> | Speaker | Words |\n> | --- | --- |\n> | P1 | "No one asked." #not-consulted |';
      assert.deepEqual(read(text).segments, ['block first not-consulted: P1 | "No one asked." #not-consulted']);
      agreesWithOracle(text);
      readsTags('| a | b |\n| - | - |\n| `x | #seen` |', ['seen']);
    });
    it('a table ends at a list, HTML or indented code; a paragraph line before it stays a paragraph', () => {
      readsTags('Extraction table #extraction\n| Study | Design |\n| --- | --- |\n| Moll 2009 | interviews |\n2. Second item #item', ['extraction', 'item']);
      readsTags('| a |\n| - |\n| b |\n    #not-a-tag', []);
    });
  });
});
