/**
 * The CommonMark spec's examples (npm `commonmark-spec`, 0.31.2) as probe documents for
 * the differential test: each example as it is, then with a probe tag inserted at every
 * character offset, then with the probe in place of every word, then with every word
 * coded by a span tag. A probe lands in every
 * construct the spec shows (containers, code, HTML, links, escapes, entities, tables of
 * none), so the scanner and the oracle must agree on where text is.
 */
import spec from 'commonmark-spec';

/** The probe: a valid code name that no example contains. */
export const PROBE = '#qz';

/** One spec example, its tabs written as tabs (the spec shows them as `→`). */
export interface SpecExample {
  readonly number: number;
  readonly section: string;
  readonly markdown: string;
}

/** One probe document: which example, how it was made, and its text. */
export interface ProbeDocument {
  readonly example: number;
  /** `example` (as it is), `offset N` (probe inserted there), `word N` (probe in place of the word at N) or `span N` (that word coded by a span). */
  readonly probe: string;
  readonly text: string;
}

/** The 652 examples of the spec. */
export function specExamples(): SpecExample[] {
  return spec.tests.map((test) => ({
    number: test.number,
    section: test.section,
    markdown: test.markdown.replace(/→/g, '\t'),
  }));
}

/** Every probe document of one example. */
export function* probeDocuments(example: SpecExample): Generator<ProbeDocument> {
  const text = example.markdown;
  yield { example: example.number, probe: 'example', text };
  for (let offset = 0; offset <= text.length; offset++) {
    yield { example: example.number, probe: `offset ${offset}`, text: text.slice(0, offset) + PROBE + text.slice(offset) };
  }
  for (const word of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const at = word.index;
    const end = at + word[0].length;
    yield { example: example.number, probe: `word ${at}`, text: text.slice(0, at) + PROBE + text.slice(end) };
    yield { example: example.number, probe: `span ${at}`, text: `${text.slice(0, at)}[${word[0]}]{${PROBE}}${text.slice(end)}` };
  }
}
