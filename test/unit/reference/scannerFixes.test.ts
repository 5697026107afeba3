/**
 * The scanner bugs the differential test found, one focused case each: the scanner's
 * answer is checked against the expected one written out, and against remark.
 */
import { strict as assert } from 'node:assert';
import { parseStudy } from '../../../src/core/study';
import { differences, referenceFacts, scannerFacts } from './compareWithScanner';

/** Codes and source text of each segment, and every tag's code. */
function read(text: string): { segments: string[]; tags: string[] } {
  const study = parseStudy('s.md', text);
  return {
    segments: study.segments.map((segment) => `${segment.kind} ${segment.order} ${segment.codes.join(',')}: ${text.slice(segment.range.start, segment.range.end)}`),
    tags: study.tags.map((tag) => tag.code),
  };
}

function agreesWithRemark(text: string): void {
  assert.deepEqual(differences(text, scannerFacts(text), referenceFacts(text)), []);
}

describe('scanner fixes found by the differential test', () => {
  describe('tags alone code the block before them only in a paragraph', () => {
    it('a list item of tags alone codes itself', () => {
      const text = '- Peer workers felt excluded\n- #staff-prejudice';
      assert.deepEqual(read(text).segments, ['block second staff-prejudice: #staff-prejudice']);
      agreesWithRemark(text);
    });
    it('a heading of tags alone codes itself', () => {
      const text = 'Passage.\n\n## #stigma';
      assert.deepEqual(read(text).segments, ['block second stigma: #stigma']);
      agreesWithRemark(text);
    });
  });

  describe('list items that cannot interrupt a paragraph (CommonMark)', () => {
    it('a wrapped line starting with a year and a full stop stays in the paragraph', () => {
      const text = 'The study was published in\n2005. Participants said #stigma';
      assert.deepEqual(read(text).segments, [`block second stigma: ${text}`]);
      agreesWithRemark(text);
    });
    it('a line starting `2)` stays in the paragraph; `1.` starts a list', () => {
      assert.deepEqual(read('Text #a\n2) more').segments, ['block second a: Text #a\n2) more']);
      assert.deepEqual(read('Text #a\n1. item #b').segments, ['block second a: Text #a', 'block second b: item #b']);
      agreesWithRemark('Text #a\n2) more');
      agreesWithRemark('Text #a\n1. item #b');
    });
    it('an empty item does not interrupt a paragraph, and holds no unindented line', () => {
      assert.deepEqual(read('Text #a\n-\nmore').segments, ['block second a: Text #a']); // `-` is a setext underline here
      const text = 'Intro.\n\n-\n#b';
      assert.deepEqual(read(text).segments, ['block second b: Intro.']);
      agreesWithRemark(text);
    });
    it('a lazy `2)` after a quote starts a list outside the quote', () => {
      const text = '> "A quote." #a\n2) item #b';
      assert.deepEqual(read(text).segments, ['block first a: "A quote." #a', 'block second b: item #b']);
      agreesWithRemark(text);
    });
  });

  describe('list item content', () => {
    it('a quote in a list item is first-order', () => {
      const text = '- > "They talk to me like a client." #staff-prejudice';
      assert.deepEqual(read(text).segments, ['block first staff-prejudice: "They talk to me like a client." #staff-prejudice']);
      agreesWithRemark(text);
    });
    it('a comment or a fence opening a list item hides its tags', () => {
      assert.deepEqual(read('- <!-- #todo\n  #later -->\n- item').tags, []);
      assert.deepEqual(read('- ```\n  #not-a-tag\n  ```').tags, []);
      agreesWithRemark('- <!-- #todo\n  #later -->\n- item');
    });
    it('a block at column 0 ends the list, so a deeper line after it is not in the item', () => {
      const text = '- item #a\n# Heading\n    code #not-a-tag';
      assert.deepEqual(read(text).tags, ['a']);
      agreesWithRemark(text);
    });
    it('a setext underline outside the item is text, not a heading underline', () => {
      const text = '- item\n\n  more #a\n===';
      assert.deepEqual(read(text).segments, ['block second a: more #a\n===']);
      agreesWithRemark(text);
    });
  });

  describe('link reference definitions', () => {
    it('a destination or title on the next line is not a tag', () => {
      assert.deepEqual(read('[ref]:\n#methods\n\nText.').tags, []);
      assert.deepEqual(read('[ref]: /page\n"Section #2b"\n\nText.').tags, []);
      agreesWithRemark('[ref]:\n#methods\n\nText.');
    });
    it('definitions may follow each other', () => {
      const text = '[a]: /x\n[b]: #anchor\n\nText #c.';
      assert.deepEqual(read(text).tags, ['c']);
      agreesWithRemark(text);
    });
    it('a definition is no block: a tag line after it codes nothing and is reported', () => {
      const study = parseStudy('s.md', '[a]: https://doi.org/x\n\n#stigma');
      assert.equal(study.segments.length, 0);
      assert.match(study.problems[0].message, /codes the block before it, but there is none/);
    });
    it('a paragraph after a definition starts on its own line, even when indented', () => {
      const text = '[a]: /x\n    Indented text #a';
      assert.deepEqual(read(text).segments, ['block second a: Indented text #a']);
      agreesWithRemark(text);
    });
    it('an invalid definition is text, and its tags count', () => {
      const text = '[ref]: not a definition #stigma';
      assert.deepEqual(read(text).tags, ['stigma']);
      agreesWithRemark(text);
    });
    it('a quoted line after a definition is not its title', () => {
      const text = 'Intro.\n\n[a]: /x\n> "#quoted"';
      assert.deepEqual(read(text).tags, ['quoted']);
      agreesWithRemark(text);
    });
  });

  describe('brackets and braces', () => {
    it('`[text][label]` does not hide the label: `[x]{#a}` after `[ref]` is a span', () => {
      assert.deepEqual(read('[sic][coded words]{#a}').segments, ['span second a: coded words']);
      assert.deepEqual(read('[ref][link #t](u)').tags, ['t']);
      agreesWithRemark('[sic][coded words]{#a}');
      agreesWithRemark('[ref][link #t](u)');
    });
    it('unclosed braces stop at a code span, whose tags stay code', () => {
      const text = '[x]{#a `code\n#not-a-tag` #b';
      const study = parseStudy('s.md', text);
      assert.deepEqual(study.tags.map((tag) => tag.code), ['b']);
      assert.equal(study.problems.filter((problem) => problem.kind === 'malformed-span').length, 1);
      agreesWithRemark(text);
    });
  });
});
