/**
 * Runs the spec's probe documents through the scanner and the oracle and gathers every
 * disagreement, each put in a documented exception class when one explains it.
 */
import { differences, referenceFacts, scannerFacts } from './compareWithScanner';
import { HTML_BLOCKS_AS_TEXT, type SpecException } from './specExceptions';
import { probeDocuments, specExamples, type ProbeDocument } from './specProbes';

/** A probe document the two read differently. */
export interface Disagreement {
  readonly document: ProbeDocument;
  readonly differences: readonly string[];
  /** The documented exception that explains it, if one does. */
  readonly exception?: SpecException;
}

/** What a run over the whole spec found. */
export interface SpecRun {
  readonly examples: number;
  readonly probes: number;
  readonly disagreements: readonly Disagreement[];
}

/** Compares the scanner with the oracle on every probe document of every example. */
export function runSpec(): SpecRun {
  const examples = specExamples();
  const disagreements: Disagreement[] = [];
  let probes = 0;
  for (const example of examples) {
    for (const document of probeDocuments(example)) {
      probes++;
      const scanner = scannerFacts(document.text);
      const reference = referenceFacts(document.text);
      const found = differences(document.text, scanner, reference);
      if (found.length > 0) {
        disagreements.push({ document, differences: found });
        continue;
      }
      // Agreeing outside raw HTML blocks: compare inside them too, to count that exception.
      const inHtml = differences(document.text, scanner, { ...reference, excluded: [] });
      if (inHtml.length > 0) disagreements.push({ document, differences: inHtml, exception: HTML_BLOCKS_AS_TEXT });
    }
  }
  return { examples: examples.length, probes, disagreements };
}

/** Disagreements per example number, as `number: count`, for a failure message. */
export function countsByExample(disagreements: readonly Disagreement[]): string {
  const counts = new Map<number, number>();
  for (const { document } of disagreements) counts.set(document.example, (counts.get(document.example) ?? 0) + 1);
  return [...counts].map(([example, count]) => `${example}: ${count}`).join(', ');
}

/** The example numbers of some disagreements, sorted, each once. */
export function exampleNumbers(disagreements: readonly Disagreement[]): number[] {
  return [...new Set(disagreements.map(({ document }) => document.example))].sort((a, b) => a - b);
}
