/**
 * A file read through a host and decoded: its text, or that it is gone, or why it
 * cannot be read (the review turns the last into a located problem).
 */
import { RefusedFileError, type ReviewHost } from '../host';
import { decodeText } from './decode';

/** What reading one file gave: its text, or that it is gone, or why it cannot be read. */
export type FileText =
  | { readonly kind: 'text'; readonly path: string; readonly text: string }
  | { readonly kind: 'missing'; readonly path: string }
  | { readonly kind: 'unreadable'; readonly path: string; readonly reason: string };

/** A file's bytes through a host: `undefined` when it is gone, the error when reading failed. */
export function readBytes(host: Pick<ReviewHost, 'readFile'>, path: string): Promise<Uint8Array | undefined | Error> {
  return host.readFile(path).catch((error: Error) => error);
}

/** A file's text from its bytes (`undefined`: the file is gone; an error: reading failed). */
export function fileText(path: string, bytes: Uint8Array | undefined | Error): FileText {
  if (bytes instanceof RefusedFileError) return { kind: 'unreadable', path, reason: bytes.reason };
  if (bytes instanceof Error) return { kind: 'unreadable', path, reason: `could not be read (${bytes.message})` };
  if (bytes === undefined) return { kind: 'missing', path };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { kind: 'unreadable', path, reason: decoded.reason };
  return { kind: 'text', path, text: decoded.text };
}

/** Reads and decodes a file through a host. */
export async function readFileText(host: Pick<ReviewHost, 'readFile'>, path: string): Promise<FileText> {
  return fileText(path, await readBytes(host, path));
}
