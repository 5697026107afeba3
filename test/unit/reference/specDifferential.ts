/**
 * Runs the spec's probe documents through the scanner and the oracle and gathers every
 * disagreement, each put in a documented exception class when one explains it.
 */
import { differences, referenceFacts, scannerFacts } from './compareWithScanner';
import { probeDocuments, specExamples, type ProbeDocument } from './specProbes';
import { SPEC_EXCEPTIONS, type SpecException } from './specExceptions';

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
      const found = differences(document.text, scannerFacts(document.text), referenceFacts(document.text));
      if (found.length === 0) continue;
      const exception = SPEC_EXCEPTIONS.find((candidate) => candidate.examples.includes(example.number) && candidate.explains(document.text, found));
      disagreements.push({ document, differences: found, exception });
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
