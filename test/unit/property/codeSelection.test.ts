/**
 * The property test of Code Selection: for random documents and random selections,
 * coding either refuses with a reason or (1) only inserts text, so the document without
 * the new tags is byte-identical to the original, (2) never changes another code's
 * passages, (3) adds the passages it planned and nothing else, and (4) never adds a
 * problem. The oracle here maps offsets character by character, apart from the
 * mapping the implementation uses for its own check.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { CodeSelectionError, codingEdits, planSelections, type CodingPlan } from '../../../src/core/edits/codeSelection';
import type { TextEdit } from '../../../src/core/edits/textEdit';
import type { Study } from '../../../src/core/model';
import { parseStudy } from '../../../src/core/study';
import { markdownDocument } from './arbitraries';
import { COSTLY_RUNS, propertyParameters } from './settings';

const WORDS = ['peer', 'workers', 'felt', 'treated', 'as', 'patients', 'pay', 'was', 'low', 'the', 'team', '"quote"', 'C#', 'x#y'];

/** Prose with spans, nested spans, block tags, quotes and lists. */
const prose = fc
  .array(
    fc.oneof(
      fc.constantFrom(...WORDS),
      fc.constantFrom('[being treated]{#staff-prejudice}', '[a [b]{#x} c]{#y}', '[pay]{#low-pay coder="jb"}', '#tokenism', '`#code`', '<!-- #hidden -->', '[link](https://x.org/a#b)'),
      fc.constantFrom('\n', '\n\n', '\n> ', '\n- ', '\n## ', '\n> #staff-prejudice\n\n'),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(' '));

const frontMatter = fc.constantFrom('', '---\nid: s\ncitation: "Alpha A. Study one. 2001."\n---\n', '---\r\nid: s\r\n---\r\n', '---\nyear: [bad\n---\n');

const document = fc.tuple(frontMatter, fc.oneof(prose, markdownDocument, fc.tuple(prose, markdownDocument).map(([a, b]) => `${a}\n\n${b}`))).map(([head, body]) => head + body);

const scenario = document.chain((text) =>
  fc.record({
    text: fc.constant(text),
    a: fc.nat({ max: text.length }),
    b: fc.nat({ max: text.length }),
    codes: fc.constantFrom<string[]>(['x'], ['a'], ['staff-prejudice'], ['new-code', 'x']),
  }),
);

/** For each offset of the edited text, the original offset it came from (-1 for inserted text). */
function origins(text: string, edits: readonly TextEdit[]): number[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const result: number[] = [];
  let next = 0;
  for (let offset = 0; offset <= text.length; offset++) {
    while (next < sorted.length && sorted[next].start === offset) result.push(...Array.from(sorted[next++].newText, () => -1));
    if (offset < text.length) result.push(offset);
  }
  result.push(text.length);
  return result;
}

/** A new-text offset as an original offset: inserted text counts as the next original character. */
function toOriginal(origin: readonly number[], offset: number): number {
  let index = offset;
  while (origin[index] === -1) index++;
  return origin[index];
}

/** Each code's passages: kind, order, text and original offsets. */
function passagesByCode(study: Study, map: (offset: number) => number): Map<string, string[]> {
  const byCode = new Map<string, string[]>();
  for (const segment of study.segments) {
    const key = [segment.kind, segment.order, map(segment.range.start), map(segment.range.end), segment.text].join('|');
    for (const code of segment.codes) byCode.set(code, [...(byCode.get(code) ?? []), key]);
  }
  for (const list of byCode.values()) list.sort();
  return byCode;
}

function problemCounts(study: Study): Map<string, number> {
  const counts = new Map<string, number>();
  for (const problem of study.problems) counts.set(problem.kind, (counts.get(problem.kind) ?? 0) + 1);
  return counts;
}

describe('property: coding a selection changes nothing but the coding asked for', function () {
  this.timeout(300_000);

  it('refuses with a reason, or inserts only the new tags, keeps every other passage and adds no problem', () => {
    let coded = 0;
    fc.assert(
      fc.property(scenario, ({ text, a, b, codes }) => {
        const selection = { start: Math.min(a, b), end: Math.max(a, b) };
        let edits: TextEdit[];
        let plan: CodingPlan;
        try {
          plan = planSelections('studies/s.md', text, [selection]);
          edits = codingEdits(plan, text, codes);
        } catch (error) {
          if (error instanceof CodeSelectionError) return;
          throw error;
        }
        if (edits.length === 0) return;
        coded++;
        assert.ok(edits.every((edit) => edit.start === edit.end), 'only insertions');
        const after = [...edits].sort((x, y) => y.start - x.start).reduce((current, edit) => current.slice(0, edit.start) + edit.newText + current.slice(edit.end), text);
        const origin = origins(text, edits);
        // (1) The document without the new tags is byte-identical to the original.
        assert.equal([...after].filter((_, index) => origin[index] !== -1).join(''), text);
        const before = parseStudy('studies/s.md', text);
        const afterStudy = parseStudy('studies/s.md', after);
        // (2) Other codes' passages are unchanged; (3) the new codes gain exactly the planned passages.
        const old = passagesByCode(before, (offset) => offset);
        const now = passagesByCode(afterStudy, (offset) => toOriginal(origin, offset));
        for (const code of new Set([...old.keys(), ...now.keys()])) {
          const was = old.get(code) ?? [];
          const is = now.get(code) ?? [];
          if (!codes.includes(code)) {
            assert.deepEqual(is, was, `the passages of #${code} changed`);
            continue;
          }
          const added: string[] = [...is];
          for (const passage of was) {
            const index = added.indexOf(passage);
            assert.ok(index >= 0, `a passage of #${code} was lost: ${passage}`);
            added.splice(index, 1);
          }
          const planned: string[] = plan.targets.filter((target) => !target.span?.codes.includes(code)).map((target) => `${target.start}|${target.end}`);
          assert.deepEqual(added.map((key) => key.split('|').slice(2, 4).join('|')).sort(), planned.sort(), `#${code} gained other passages than planned`);
        }
        // (4) No new problem in the file.
        const problemsBefore = problemCounts(before);
        for (const [kind, count] of problemCounts(afterStudy)) assert.ok(count <= (problemsBefore.get(kind) ?? 0), `a new ${kind} problem`);
      }),
      propertyParameters('coding a selection', COSTLY_RUNS),
    );
    console.log(`      [property] ${coded} of ${COSTLY_RUNS} cases coded, the others refused with a reason`);
    assert.ok(coded > COSTLY_RUNS / 10, `only ${coded} of ${COSTLY_RUNS} cases were coded: the property tested too little`);
  });

  it('never refuses a selection of plain words in a paragraph', () => {
    const paragraph = fc.array(fc.constantFrom('peer', 'workers', 'felt', 'low', 'pay', 'team', 'étude', '日本'), { minLength: 2, maxLength: 30 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(paragraph.chain((text) => fc.tuple(fc.constant(text), fc.nat({ max: text.length }), fc.nat({ max: text.length }))), ([text, a, b]) => {
        const start = Math.min(a, b);
        const end = Math.max(a, b);
        fc.pre(/\S/.test(text.slice(start, end)));
        const plan = planSelections('studies/s.md', text, [{ start, end }]);
        assert.equal(codingEdits(plan, text, ['x']).length, 2);
      }),
      propertyParameters('plain words are always codable', COSTLY_RUNS),
    );
  });
});
