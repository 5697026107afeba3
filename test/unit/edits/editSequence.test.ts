import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseCodebook } from '../../../src/core/codebook';
import { moveCodeEdits } from '../../../src/core/edits/codebookEdits';
import { changedStretch, editSequence } from '../../../src/core/edits/editSequence';
import { applyEdits } from '../../../src/core/edits/textEdit';

const CODEBOOK = '# Workers\n\n## Pay\n- #low-pay: Pay below colleagues.\n- #hours: Few hours.\n\n## Team\n- #excluded: Kept out.\n\n# Recipients\n- #hope: Hope.\n';

/** A step that moves a code from one theme to another, on whatever text it is given. */
const move = (code: string, from: string[], to: string[]) => (text: string) => moveCodeEdits(parseCodebook('codebook.md', text), text, code, from, to);

describe('edit sequence', () => {
  it('returns a lone step\'s edits unchanged', () => {
    const step = move('hours', ['Workers', 'Pay'], ['Recipients']);
    assert.deepEqual(editSequence('codebook.md', CODEBOOK, [step]), step(CODEBOOK));
  });

  it('folds several steps into one edit with the same result (two codes moved to one theme)', () => {
    const edits = editSequence('codebook.md', CODEBOOK, [move('low-pay', ['Workers', 'Pay'], ['Recipients']), move('excluded', ['Workers', 'Team'], ['Recipients'])]);
    assert.equal(edits.length, 1);
    assert.equal(
      applyEdits(CODEBOOK, edits),
      '# Workers\n\n## Pay\n- #hours: Few hours.\n\n## Team\n\n# Recipients\n- #hope: Hope.\n- #low-pay: Pay below colleagues.\n- #excluded: Kept out.\n',
    );
  });

  it('returns nothing when no step changes the text', () => {
    assert.deepEqual(editSequence('codebook.md', CODEBOOK, [() => [], move('hope', ['Recipients'], ['Recipients'])]), []);
  });

  it('changedStretch: applying it gives the new text, and never splits a surrogate pair or CRLF', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '\r\n', '\n', '😀', '😁', 'é') });
    fc.assert(
      fc.property(text, text, (before, after) => {
        const edit = changedStretch('f', before, after);
        assert.equal(applyEdits(before, [edit]), after);
        for (const at of [edit.start, edit.end]) {
          assert.ok(!(/[\uDC00-\uDFFF]/.test(before[at] ?? '') && /[\uD800-\uDBFF]/.test(before[at - 1] ?? '')), `splits a pair at ${at}`);
          assert.ok(!(before[at] === '\n' && before[at - 1] === '\r'), `splits CRLF at ${at}`);
        }
      }),
    );
  });
});
