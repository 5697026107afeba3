/**
 * A study file read and decoded, with its front matter read and, on a worker thread,
 * its body scanned: plain data, so another thread can make it (`sourceWorker.ts`) and
 * post it to the one that builds the index.
 */
import { readFrontMatter, type FrontMatter } from '../frontMatter';
import type { ReviewHost } from '../host';
import { scanTags } from '../syntax/scanTags';
import { decodeText } from '../text/decode';
import { encodeScan, type EncodedScan } from './encodedScan';

/** What reading one file gave: its text, or that it is gone, or why it cannot be read. */
export type FileText =
  | { readonly kind: 'text'; readonly path: string; readonly text: string }
  | { readonly kind: 'missing'; readonly path: string }
  | { readonly kind: 'unreadable'; readonly path: string; readonly reason: string };

/** What reading one study file gave; a readable study has its front matter read too. */
export type StudySource =
  | { readonly kind: 'text'; readonly path: string; readonly text: string; readonly frontMatter: FrontMatter; readonly scan?: EncodedScan }
  | Exclude<FileText, { readonly kind: 'text' }>;

/** A file's bytes through a host: `undefined` when it is gone, the error when reading failed. */
export function readBytes(host: Pick<ReviewHost, 'readFile'>, path: string): Promise<Uint8Array | undefined | Error> {
  return host.readFile(path).catch((error: Error) => error);
}

/** A file's text from its bytes (`undefined`: the file is gone; an error: reading failed). */
export function fileText(path: string, bytes: Uint8Array | undefined | Error): FileText {
  if (bytes instanceof Error) return { kind: 'unreadable', path, reason: `could not be read (${bytes.message})` };
  if (bytes === undefined) return { kind: 'missing', path };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { kind: 'unreadable', path, reason: decoded.reason };
  return { kind: 'text', path, text: decoded.text };
}

/** A study's source from its bytes, as `fileText`, with its front matter read. */
export function studySource(path: string, bytes: Uint8Array | undefined | Error): StudySource {
  const file = fileText(path, bytes);
  return file.kind === 'text' ? { ...file, frontMatter: readFrontMatter(file.text) } : file;
}

/** The source with its body scanned too (what the worker posts). */
export function withScan(source: StudySource): StudySource {
  if (source.kind !== 'text') return source;
  return { ...source, scan: encodeScan(scanTags(source.text, source.frontMatter.bodyStart)) };
}
