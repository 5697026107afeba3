/** Review folders for the report tests: the fixtures, the demo review, and rewritten copies. */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { NodeReviewHost } from '../../../src/node/nodeHost';
import { loadReview, type Review } from '../../../src/core/review';

/** Fixture folders of the report tests. */
export const FIXTURES = path.resolve(__dirname, '../../fixtures/report');
/** The demo review (27 studies). */
export const DEMO = path.resolve(__dirname, '../../../examples/peer-support');

/** Loads the review in a folder. */
export function load(dir: string): Promise<Review> {
  return loadReview(new NodeReviewHost(dir));
}

/** Every file of a folder, review-relative with `/`, sorted. */
function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.startsWith('reports/'))
    .sort();
}

/**
 * Copies a review into a new temp folder, creating the files in reverse order and,
 * with `crlf`, with Windows line endings.
 */
export function rewrittenCopy(dir: string, options: { crlf: boolean }): string {
  const target = mkdtempSync(path.join(tmpdir(), 'qualsynth-report-'));
  for (const file of filesOf(dir).reverse()) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    writeFileSync(path.join(target, file), options.crlf ? text.replace(/\r?\n/g, '\r\n') : text);
  }
  return target;
}

/** The report's lines from the heading `from` up to the next heading of that depth or above. */
export function section(markdown: string, from: string): string {
  const lines = markdown.split('\n');
  const start = lines.indexOf(from);
  assert.ok(start >= 0, `no heading ${from}`);
  const depth = /^#+/.exec(from)![0].length;
  const end = lines.findIndex((line, index) => index > start && /^#+ /.test(line) && /^#+/.exec(line)![0].length <= depth);
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}
