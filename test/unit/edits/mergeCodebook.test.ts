import { strict as assert } from 'node:assert';
import { parseCodebook } from '../../../src/core/codebook';
import { mergeCodebookEdits } from '../../../src/core/edits/mergeCodebook';
import { applyEdits } from '../../../src/core/edits/textEdit';
import { importQdc } from '../../../src/core/refi/importCodebookFile';

const qdc = (codes: string, sets = ''): Uint8Array => new TextEncoder().encode(`<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="ATLAS.ti 23"><Codes>${codes}</Codes>${sets}</CodeBook>`);
const guid = (n: number): string => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;
const code = (n: number, name: string, inner = '', codable = true): string => `<Code guid="${guid(n)}" name="${name}" isCodable="${codable}">${inner}</Code>`;

function merged(text: string, file: Uint8Array): { text: string; added: number; skipped: number } {
  const result = mergeCodebookEdits(parseCodebook('codebook.md', text), text, importQdc(file).sections);
  return { text: applyEdits(text, result.edits), added: result.added, skipped: result.skipped };
}

describe('merging a .qdc codebook into codebook.md', () => {
  const before = '---\ntitle: Mine\n---\n\n# Experiences\n\nMy description.\n\n- #waiting: Already mine.\n\n## Sub\n\n- #sub-code\n\n# Other\n\n- #other\n';

  it('adds new codes under their theme, new themes under their parent or at the end, and leaves defined codes alone', () => {
    const file = qdc(code(1, 'Experiences', code(2, 'waiting', '<Description>Theirs.</Description>') + code(3, 'hope', '<Description>New.</Description>') + code(4, 'Fresh sub', code(5, 'fresh'), false), false) + code(6, 'Brand new', code(7, 'newer'), false) + code(8, 'loose'));
    const result = merged(before, file);
    assert.deepEqual([result.added, result.skipped], [4, 1]);
    assert.equal(result.text, '---\ntitle: Mine\n---\n\n- #loose\n\n# Experiences\n\nMy description.\n\n- #waiting: Already mine.\n- #hope: New.\n\n## Sub\n\n- #sub-code\n\n## Fresh sub\n\n- #fresh\n\n# Other\n\n- #other\n\n# Brand new\n\n- #newer\n');
  });

  it('changes nothing when every code is defined, and keeps CRLF line ends', () => {
    assert.deepEqual(merged(before, qdc(code(1, 'waiting'))), { text: before, added: 0, skipped: 1 });
    const crlf = before.replace(/\n/g, '\r\n');
    const result = merged(crlf, qdc(code(1, 'Other', code(2, 'new-one'), false)));
    assert.equal(result.text, crlf.replace('- #other\r\n', '- #other\r\n- #new-one\r\n'));
  });

  it('makes an empty codebook from the codes', () => {
    assert.equal(merged('', qdc(code(1, 'T', code(2, 'a'), false))).text, '# T\n\n- #a\n');
  });
});
