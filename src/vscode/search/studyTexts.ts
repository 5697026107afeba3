import * as vscode from 'vscode';
import { type FileStamp, readFileText, type Review, type ReviewHost } from '../../core';
import { mapConcurrently, openDocuments, READS_AT_ONCE } from '../reviewTexts';
import type { ReviewSession } from '../reviewSession';

/** A study's text as last read from its file, and the file's stamp just before. */
interface KeptText {
  readonly text: string;
  readonly stamp: FileStamp;
}

/**
 * Every study's current text for the session's searches — an open editor's buffer,
 * else the file — kept between searches. A kept text the index has not heard changed
 * is checked against its file's modification time and size (a stat, far cheaper than
 * a read) and read again only when they differ, so a search never shows a study
 * deleted or rewritten on disk before the file watcher has told the index, yet 1,000
 * unchanged studies cost 1,000 stats instead of 1,000 reads. (A rewrite within the
 * same millisecond to the same size passes the stat; the watcher's event then drops
 * the kept text and the results re-run.)
 */
export class StudyTexts implements vscode.Disposable {
  private readonly kept = new Map<string, KeptText>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly session: ReviewSession) {
    this.subscription = session.onDidUpdate((change) => change.paths.forEach((path) => this.kept.delete(path)));
  }

  /** The current text of each study the index lists, by path in its order; a study gone from disk is left out. */
  async current(review: Review): Promise<Map<string, string>> {
    const root = this.session.root;
    const host = review.host;
    if (!root) return new Map();
    const buffers = openDocuments(root);
    const paths = review.index.studies().map((study) => study.path);
    const read = await mapConcurrently(paths, READS_AT_ONCE, async (path) => buffers.get(path)?.getText() ?? (await this.fromFile(host, path)));
    const texts = new Map<string, string>();
    paths.forEach((path, index) => read[index] !== undefined && texts.set(path, read[index]));
    for (const path of this.kept.keys()) if (!texts.has(path)) this.kept.delete(path);
    return texts;
  }

  dispose(): void {
    this.subscription.dispose();
    this.kept.clear();
  }

  /** The file's text: the kept one while its stamp is the same, else read again; `undefined` when it is gone or unreadable. */
  private async fromFile(host: ReviewHost, path: string): Promise<string | undefined> {
    // `null`: the host cannot tell (no stat, or it failed), so the file is read.
    const stamp = host.stat ? await host.stat(path).catch(() => null) : null;
    const kept = this.kept.get(path);
    if (kept && stamp && stamp.mtime === kept.stamp.mtime && stamp.size === kept.stamp.size) return kept.text;
    this.kept.delete(path);
    if (stamp === undefined) return undefined;
    const text = await readText(host, path);
    if (text !== undefined && stamp) this.kept.set(path, { text, stamp });
    return text;
  }
}

async function readText(host: ReviewHost, path: string): Promise<string | undefined> {
  const file = await readFileText(host, path);
  return file.kind === 'text' ? file.text : undefined;
}
