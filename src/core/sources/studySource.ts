/**
 * A study file read and decoded, with its front matter read and, on a worker thread,
 * its body scanned: plain data, so another thread can make it (`sourceWorker.ts`) and
 * post it to the one that builds the index.
 */
import { readFrontMatter, type FrontMatter } from '../frontMatter';
import { scanTags } from '../syntax/scanTags';
import { decodeText } from '../text/decode';
import { encodeScan, type EncodedScan } from './encodedScan';

/** What reading one study file gave. */
export type StudySource =
  | { readonly kind: 'text'; readonly path: string; readonly text: string; readonly frontMatter: FrontMatter; readonly scan?: EncodedScan }
  | { readonly kind: 'missing'; readonly path: string }
  | { readonly kind: 'unreadable'; readonly path: string; readonly reason: string };

/** A study's source from its bytes (`undefined`: the file is gone; an error: reading failed). */
export function studySource(path: string, bytes: Uint8Array | undefined | Error): StudySource {
  if (bytes instanceof Error) return { kind: 'unreadable', path, reason: `could not be read (${bytes.message})` };
  if (bytes === undefined) return { kind: 'missing', path };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { kind: 'unreadable', path, reason: decoded.reason };
  return { kind: 'text', path, text: decoded.text, frontMatter: readFrontMatter(decoded.text) };
}

/** The source with its body scanned too (what the worker posts). */
export function withScan(source: StudySource): StudySource {
  if (source.kind !== 'text') return source;
  return { ...source, scan: encodeScan(scanTags(source.text, source.frontMatter.bodyStart)) };
}
