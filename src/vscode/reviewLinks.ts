import * as vscode from 'vscode';
import { joinPaths, type Review } from '../core';
import { toUri } from './convert';
import type { ReviewSession } from './reviewSession';

/**
 * Follows a link clicked in a webview: a study of this review opens at its line (beside
 * nothing else: in the first column), an `https:` link in the browser; anything else is
 * ignored. Resolves to whether something was opened.
 * @param base The folder relative links start from (the report folder by default).
 */
export async function openReviewLink(session: ReviewSession, href: string, base?: string): Promise<boolean> {
  const review = await session.current();
  const root = session.root;
  if (!review || !root) return false;
  const target = linkTarget(review, href, base);
  if (target) {
    const position = new vscode.Position(target.line, 0);
    await vscode.window.showTextDocument(toUri(root, target.path), { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
    return true;
  }
  if (/^https:\/\//.test(href)) return vscode.env.openExternal(vscode.Uri.parse(href));
  return false;
}

/**
 * A relative link (`../studies/a.md#L12` from the report folder, `studies/a.md#L12`
 * from the review root with `base` '') → a study of the review and a 0-based line.
 */
export function linkTarget(review: Review, href: string, base = review.config.reportDir): { path: string; line: number } | undefined {
  const match = /^([^#?:]+\.md)(?:#L(\d+))?$/.exec(href);
  if (!match) return undefined;
  const path = joinPaths(base, decodeURIComponent(match[1]));
  if (path.startsWith('../') || !review.index.getStudy(path)) return undefined;
  return { path, line: Math.max(0, Number(match[2] ?? 1) - 1) };
}
