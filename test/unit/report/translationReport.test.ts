import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { buildReport } from '../../../src/core/report/buildReport';
import { FIXTURES, load, section } from './reportFixtures';

const META = path.join(FIXTURES, 'meta-ethnography');

describe('report: meta-ethnography translation', () => {
  it('prints the concepts × studies table and the relations of the fixture, whole', async () => {
    const { markdown } = buildReport(await load(META));
    assert.equal(section(markdown!, '## Translation of concepts'), EXPECTED);
  });

  it('leaves the section out for any other method', async () => {
    const review = await load(META);
    const { markdown, model } = buildReport({ index: review.index, config: { ...review.config, method: 'thematic-synthesis' } });
    assert.equal(model.translation, undefined);
    assert.doesNotMatch(markdown!, /Translation of concepts/);
  });
});

const EXPECTED = [
  "## Translation of concepts",
  "",
  "How each study expresses each concept in its own terms. Concepts: the themes the codebook marks Kind: concept, in codebook order; studies by year, then id. Each cell quotes up to 2 of the study’s segments for the concept (authors’ interpretations first), cut to 8 words, each linked to its file and line; — : the study does not express the concept.",
  "",
  "| Concept | Studies | Segments |",
  "| - | - | - |",
  "| Being written off | 2 | 3 |",
  "| Pay as worth | 2 | 3 |",
  "| Hope from a peer | 3 | 6 |",
  "",
  "| Study | Being written off | Pay as worth | Hope from a peer |",
  "| - | - | - | - |",
  "| Lee et al. 1999 | — | — | [\"Someone who has been there.\" (recipient)](../studies/lee-1999.md#L13); [\"Another one who has been there.\" (recipient)](../studies/lee-1999.md#L16) (+1) |",
  "| Smith 2005a | [“being left out of handover”](../studies/smith-2005a.md#L24); [\"They still see me as a patient.\" (peer …](../studies/smith-2005a.md#L18) | [“pay that did not cover rent”](../studies/smith-2005a.md#L25); [\"I'm paid less than the cleaner.\" (peer worker)](../studies/smith-2005a.md#L21) | — |",
  "| Smith 2005b | [“a shared sense of being written off”](../studies/smith-2005b.md#L21) | — | [\"Seeing him well made me think I could …](../studies/smith-2005b.md#L18) |",
  "| Jones & Brown 2010 | — | [“were surprised the worker was paid so little”](../studies/jones-2010.md#L20) | [“linked hope to the worker's own story”](../studies/jones-2010.md#L19); [\"She showed me there is a way back.\" …](../studies/jones-2010.md#L13) |",
  "",
  "### Relations between concepts",
  "",
  "3 relations, 2 stated in the codebook and 1 by memo; the last column counts the studies that express both concepts.",
  "",
  "| Concept | Relation | Concept | Basis | Studies expressing both |",
  "| - | - | - | - | - |",
  "| Being written off | reciprocal | Pay as worth | both read the service's view of peer workers' worth. ([codebook.md:8](../codebook.md#L8)) | 1: Smith 2005a |",
  "| Being written off | refutational | Hope from a peer | recipients see the recovery staff doubt. ([codebook.md:10](../codebook.md#L10)) | 1: Smith 2005b |",
  "| Pay as worth | reciprocal | Hope from a peer | Memo “Pay and hope as one reading of worth” ([memos/pay-and-hope.md](../memos/pay-and-hope.md)) | 1: Jones & Brown 2010 |",
  "",
].join('\n');
