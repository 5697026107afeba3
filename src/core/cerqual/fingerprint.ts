/**
 * A short fingerprint of the segments a judgement was made on, so that `check` can
 * tell when the coding under a finding has changed since: any segment added, removed,
 * recoded or reworded changes it; moving a passage within its study, or reformatting
 * its line breaks, does not.
 */
import type { Segment } from '../model';

/** FNV-1a (32-bit) of a string's UTF-16 code units, as 8 hex digits. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The fingerprint of `segments`: each as its study id, the codes of `codes` it
 * carries and its text with white space folded, sorted, then hashed.
 */
export function fingerprintOf(segments: readonly Segment[], studyId: (segment: Segment) => string, codes: readonly string[]): string {
  const wanted = new Set(codes);
  const lines = segments.map((segment) => `${studyId(segment)}\t${segment.codes.filter((code) => wanted.has(code)).sort().join(' ')}\t${segment.text.replace(/\s+/g, ' ').trim()}`);
  return fnv1a(lines.sort().join('\n'));
}
