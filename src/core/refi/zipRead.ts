/**
 * A guarded ZIP reader for `.qdpx` files. Everything is checked from the central
 * directory before a byte is inflated: entry count and total declared size are capped,
 * entries with absolute paths, `..` segments, symlinks, encryption or unknown
 * compression are refused. Inflating stops as soon as an entry yields more than it
 * declared, so a zip bomb that lies about its sizes is caught too, and every entry's
 * CRC-32 is checked. Names are looked up exactly, else ignoring case (NVivo for Windows
 * writes `Sources/` where the standard and the project file say `sources/`).
 */
import { Inflate } from 'fflate/browser';
import { crc32 } from './crc32';

/** Caps on what an archive may hold. */
export interface ZipLimits {
  /** Most bytes all entries may declare (uncompressed), in total. */
  readonly maxTotalBytes: number;
  /** Most entries (files and folders). */
  readonly maxEntries: number;
}

/** 200 MB and 10,000 entries. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 200 * 1024 * 1024, maxEntries: 10_000 };

/** An archive that is refused, with the reason. */
export class UnsafeArchiveError extends Error {}

/** One file entry from the central directory. */
interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly crc: number;
  readonly localHeaderOffset: number;
}

/** A checked archive whose entries are inflated on demand. */
export interface SafeZip {
  /** File names (folders left out), in central-directory order. */
  readonly names: readonly string[];
  /**
   * The bytes of an entry, or `undefined` when there is none by that name: an exact
   * match, else the one entry whose name differs only in case.
   */
  read(name: string): Uint8Array | undefined;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const UNIX_HOST = 3;
const SYMLINK_MODE = 0o120000;
const FILE_TYPE_MASK = 0o170000;
/** Compressed bytes fed to the inflater at a time: bounds the output of one step. */
const INFLATE_CHUNK = 4 * 1024;

/** Opens an archive and checks its central directory; throws `UnsafeArchiveError`. */
export function readZipSafely(data: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): SafeZip {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const entries = readCentralDirectory(data, view, limits);
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const byLowerName = new Map<string, ZipEntry[]>();
  for (const entry of entries) byLowerName.set(entry.name.toLowerCase(), [...(byLowerName.get(entry.name.toLowerCase()) ?? []), entry]);
  return {
    names: entries.map((entry) => entry.name),
    read: (name) => {
      const entry = byName.get(name) ?? onlyCaseMatch(byLowerName.get(name.toLowerCase()), name);
      return entry ? inflateEntry(data, view, entry) : undefined;
    },
  };
}

/** The single entry whose name matches ignoring case; several are ambiguous and refused. */
function onlyCaseMatch(candidates: readonly ZipEntry[] | undefined, name: string): ZipEntry | undefined {
  if (!candidates || candidates.length === 0) return undefined;
  if (candidates.length > 1) throw new UnsafeArchiveError(`The archive holds ${candidates.map((entry) => `"${entry.name}"`).join(' and ')}, which differ only in case; refusing to guess which is "${name}".`);
  return candidates[0];
}

function readCentralDirectory(data: Uint8Array, view: DataView, limits: ZipLimits): ZipEntry[] {
  const end = findEndOfCentralDirectory(view);
  const count = view.getUint16(end + 10, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new UnsafeArchiveError('ZIP64 archives are not supported: re-save the project as a regular .qdpx.');
  if (count > limits.maxEntries) throw new UnsafeArchiveError(`The archive has ${count} entries, more than the ${limits.maxEntries} allowed.`);
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let total = 0;
  let position = offset;
  for (let index = 0; index < count; index++) {
    if (position + 46 > data.length || view.getUint32(position, true) !== CENTRAL) throw new UnsafeArchiveError('The archive\'s central directory is damaged.');
    const nameLength = view.getUint16(position + 28, true);
    const headerLength = 46 + nameLength + view.getUint16(position + 30, true) + view.getUint16(position + 32, true);
    const name = new TextDecoder('utf-8').decode(data.subarray(position + 46, position + 46 + nameLength));
    const entry: ZipEntry = {
      name,
      method: view.getUint16(position + 10, true),
      compressedSize: view.getUint32(position + 20, true),
      size: view.getUint32(position + 24, true),
      crc: view.getUint32(position + 16, true),
      localHeaderOffset: view.getUint32(position + 42, true),
    };
    checkEntry(entry, view.getUint16(position + 8, true), view.getUint16(position + 4, true) >> 8, view.getUint32(position + 38, true));
    position += headerLength;
    if (name.endsWith('/')) continue;
    if (names.has(name)) throw new UnsafeArchiveError(`The archive holds "${name}" twice; refusing an ambiguous archive.`);
    names.add(name);
    total += entry.size;
    if (total > limits.maxTotalBytes) {
      throw new UnsafeArchiveError(`The archive declares more than ${limits.maxTotalBytes} bytes uncompressed (at "${name}"); refusing it before inflating anything.`);
    }
    entries.push(entry);
  }
  return entries;
}

function findEndOfCentralDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let position = view.byteLength - 22; position >= lowest; position--) {
    if (view.getUint32(position, true) === EOCD) return position;
  }
  throw new UnsafeArchiveError('Not a ZIP archive (no end of central directory): a .qdpx file is a ZIP archive.');
}

/** Refuses entries that could escape the target folder or hide their content. */
function checkEntry(entry: ZipEntry, flags: number, host: number, externalAttributes: number): void {
  const { name } = entry;
  if (name.includes('\0')) throw new UnsafeArchiveError(`Entry name with a NUL character: ${JSON.stringify(name)}.`);
  if (/^[/\\]/.test(name) || /^[A-Za-z]:/.test(name)) throw new UnsafeArchiveError(`Entry "${name}" has an absolute path; refusing the archive.`);
  if (name.split(/[/\\]/).includes('..')) throw new UnsafeArchiveError(`Entry "${name}" points outside the target folder (..); refusing the archive.`);
  if (host === UNIX_HOST && ((externalAttributes >>> 16) & FILE_TYPE_MASK) === SYMLINK_MODE) {
    throw new UnsafeArchiveError(`Entry "${name}" is a symbolic link; refusing the archive.`);
  }
  if (flags & 1) throw new UnsafeArchiveError(`Entry "${name}" is encrypted; export the project again without a password.`);
  if (entry.method !== 0 && entry.method !== 8) throw new UnsafeArchiveError(`Entry "${name}" uses compression method ${entry.method}; only stored and deflated entries are supported.`);
}

function inflateEntry(data: Uint8Array, view: DataView, entry: ZipEntry): Uint8Array {
  const local = entry.localHeaderOffset;
  if (local + 30 > data.length || view.getUint32(local, true) !== LOCAL) throw new UnsafeArchiveError(`The local header of "${entry.name}" is damaged.`);
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (start + entry.compressedSize > data.length) throw new UnsafeArchiveError(`"${entry.name}" runs past the end of the archive.`);
  const compressed = data.subarray(start, start + entry.compressedSize);
  if (entry.method === 0 && entry.compressedSize !== entry.size) throw sizeMismatch(entry, entry.compressedSize);
  const bytes = entry.method === 0 ? compressed.slice() : inflateBounded(compressed, entry);
  if (crc32(bytes) !== entry.crc) throw new UnsafeArchiveError(`"${entry.name}" fails its CRC-32 check: the archive is damaged; copy or export it again.`);
  return bytes;
}

/** Inflates in small steps and stops once the output passes the declared size. */
function inflateBounded(compressed: Uint8Array, entry: ZipEntry): Uint8Array {
  const output = new Uint8Array(entry.size);
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > entry.size) throw sizeMismatch(entry, written + chunk.length);
    output.set(chunk, written);
    written += chunk.length;
  });
  try {
    for (let offset = 0; offset < compressed.length; offset += INFLATE_CHUNK) {
      const last = offset + INFLATE_CHUNK >= compressed.length;
      inflater.push(compressed.subarray(offset, offset + INFLATE_CHUNK), last);
    }
    if (compressed.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof UnsafeArchiveError) throw error;
    throw new UnsafeArchiveError(`"${entry.name}" cannot be inflated (${(error as Error).message}).`);
  }
  if (written !== entry.size) throw sizeMismatch(entry, written);
  return output;
}

function sizeMismatch(entry: ZipEntry, actual: number): UnsafeArchiveError {
  const more = actual > entry.size ? 'more than' : 'not';
  return new UnsafeArchiveError(`"${entry.name}" declares ${entry.size} bytes but holds ${more} that (${actual}${actual > entry.size ? '+' : ''}); refusing a damaged or malicious archive.`);
}
