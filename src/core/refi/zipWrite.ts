/**
 * Byte-identical ZIP output: entries in the order given, one fixed timestamp (built
 * from local-time fields, so the DOS date fflate writes is the same in every time
 * zone), fixed compression level.
 */
import { zipSync, type Zippable } from 'fflate/browser';

/** 2000-01-01 12:00 local time: fflate writes local-time DOS fields, so this is zone-proof. */
const FIXED_TIME = new Date(2000, 0, 1, 12, 0, 0);

/** Zips `[name, bytes]` entries in order into one deterministic archive. */
export function writeDeterministicZip(entries: ReadonlyArray<readonly [string, Uint8Array]>): Uint8Array {
  const files: Zippable = {};
  for (const [name, bytes] of entries) files[name] = [bytes, { mtime: FIXED_TIME, level: 6, os: 3, attrs: 0o100644 << 16 }];
  return zipSync(files);
}
