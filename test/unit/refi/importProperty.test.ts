import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { escapePlainText } from '../../../src/core/refi/markdownEscapes';
import { renderVerifiedStudy } from '../../../src/core/refi/importStudy';
import { PLAIN_TEXT_KEY } from '../../../src/core/refi/plainText';
import { placeSelections } from '../../../src/core/refi/spanPlacement';

/** Pieces of text chosen to stress escaping and block structure. */
const piece = fc.constantFrom('word', ' ', ' ', '\n', '\n\n', '[', ']', '{', '}', '#', '#tag', '\\', '`', '``', '<', '<b>', '&#x41;', '> ', '- ', '1. ', '# ', '    ', '😀', '𝒳', 'C#', 'a#b', 'http://x.org/a#frag', '![', '](', '*', '_', '~~~', '```', '---', '<!--', '-->', ':');

describe('REFI-QDA import placement (property)', () => {
  for (const kind of ['markdown', 'plain'] as const) it(`any text (read as ${kind === 'plain' ? 'plain text' : 'Markdown'}) and selections read back as the imported text with exactly the placed spans`, function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 60 }).map((parts) => parts.join('')),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('a', 'b', 'c')), { maxLength: 10 }),
        (text, raw) => {
          const escaped = escapePlainText(text, kind);
          const inputs = raw.map(([x, y, tag], index) => {
            const [start, end] = [x % (text.length + 1), y % (text.length + 1)].sort((p, q) => p - q);
            return { label: `s${index}`, start, end, tags: [tag], memo: index === 1 ? 'a {memo} "x"' : undefined };
          });
          const { spans } = placeSelections(text, escaped, inputs);
          const { content, problems } = renderVerifiedStudy(kind === 'plain' ? { [PLAIN_TEXT_KEY]: true } : {}, text, escaped, spans);
          assert.deepEqual(problems, [], content);
          const lines = escaped.blocks.flat();
          for (const span of spans) {
            assert.ok(lines.some(([start, end]) => start <= span.start && span.start < end), `span starts outside the text of a line: ${content}`);
            assert.ok(lines.some(([start, end]) => start < span.end && span.end <= end), `span ends outside the text of a line: ${content}`);
          }
        },
      ),
      { numRuns: 4000, seed: 20261125 },
    );
  });
});
