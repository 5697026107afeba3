/**
 * A study file read and decoded, with its front matter read: everything about a study
 * that needs no scan of its body. Plain data, so another thread can make it
 * (`sourceWorker.ts`) and post it to the one that builds the index.
 */
import { readFrontMatter, type FrontMatter } from '../frontMatter';
import { decodeText } from '../text/decode';

/** What reading one study file gave. */
export type StudySource =
  | { readonly kind: 'text'; readonly path: string; readonly text: string; readonly frontMatter: FrontMatter }
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
