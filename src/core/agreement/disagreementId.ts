/**
 * Stable ids of disagreements, for scripts and for reconciliation: a hash of the
 * passage (study, text with tag syntax removed, occurrence) and the disputed codes, so
 * the id stays the same across runs and branches while the passage's words do.
 */

/** `d` and 8 hex digits (FNV-1a, 32 bits) of the unit key and the disputed codes. */
export function disagreementId(unitKey: string, codes: readonly string[]): string {
  let hash = 0x811c9dc5;
  const text = `${unitKey}\u0001${codes.join(' ')}`;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `d${hash.toString(16).padStart(8, '0')}`;
}
