/**
 * Stable GUIDs for REFI-QDA exports: UUID version 5 (SHA-1 of a fixed namespace and a
 * stable key such as `code:low-pay`), so exporting the same review twice gives the
 * same GUIDs and other tools can match codes and sources across exports.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

/** QualSynth's namespace for REFI-QDA GUIDs (a fixed random UUID). */
const NAMESPACE = hexToBytes('6f1c2a4e8d3b4f5a9c7e0b1d2f3a4c5e');
const utf8 = new TextEncoder();

/** The UUID v5 of a key in QualSynth's namespace, lower-case with hyphens. */
export function stableGuid(key: string): string {
  const bytes = sha1.create().update(NAMESPACE).update(utf8.encode(key)).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytesToHex(bytes);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Hands out GUIDs for keys and keeps them unique within one export: a key seen again
 * (two headings with the same title under one parent) gets `#2`, `#3`… appended, in
 * the deterministic order the exporter asks.
 */
export class GuidRegistry {
  private readonly used = new Map<string, number>();

  /** A GUID for `key`, unique among the GUIDs this registry handed out. */
  next(key: string): string {
    const seen = this.used.get(key) ?? 0;
    this.used.set(key, seen + 1);
    return stableGuid(seen === 0 ? key : `${key}#${seen + 1}`);
  }
}
