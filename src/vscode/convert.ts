/**
 * Every conversion between core types and VS Code types lives here, so the rest of
 * the VS Code layer never does arithmetic on positions or paths. The core uses 0-based
 * lines and UTF-16 columns (as VS Code does) and review-relative `/` paths.
 */
import * as vscode from 'vscode';
import { LineIndex, type Problem, type Severity, type TextEdit, type TextPosition, type TextSpan } from '../core';

/** A core position as a VS Code position (both 0-based, UTF-16 columns). */
export function toPosition(position: TextPosition): vscode.Position {
  return new vscode.Position(position.line, position.column);
}

/** A core span as a VS Code range. */
export function toRange(span: TextSpan): vscode.Range {
  return new vscode.Range(toPosition(span.startPosition), toPosition(span.endPosition));
}

/** The URI of a review-relative path. */
export function toUri(root: vscode.Uri, path: string): vscode.Uri {
  return vscode.Uri.joinPath(root, ...path.split('/'));
}

/** The review-relative `/` path of a URI, or `undefined` when it lies outside the root. */
export function toReviewPath(root: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (uri.scheme !== root.scheme || uri.authority !== root.authority) return undefined;
  const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
}

/** A location in a review file. */
export function toLocation(root: vscode.Uri, path: string, span: TextSpan): vscode.Location {
  return new vscode.Location(toUri(root, path), toRange(span));
}

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** A core problem as a diagnostic of its file; the problem kind becomes its code. */
export function toDiagnostic(problem: Problem): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(problem.range), problem.message, SEVERITIES[problem.severity]);
  diagnostic.source = 'QualSynth';
  diagnostic.code = problem.kind;
  if (problem.kind === 'unused-code') diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
  return diagnostic;
}

/**
 * Core text edits (UTF-16 offsets into the given texts) as one workspace edit, so a
 * refactoring across many files is a single undoable step.
 */
export function toWorkspaceEdit(root: vscode.Uri, edits: readonly TextEdit[], texts: ReadonlyMap<string, string>): vscode.WorkspaceEdit {
  const workspaceEdit = new vscode.WorkspaceEdit();
  const lineIndexes = new Map<string, LineIndex>();
  for (const edit of edits) {
    const text = texts.get(edit.path);
    if (text === undefined) throw new Error(`No text for ${edit.path}`);
    let lines = lineIndexes.get(edit.path);
    if (!lines) lineIndexes.set(edit.path, (lines = new LineIndex(text)));
    const range = new vscode.Range(toPosition(lines.positionAt(edit.start)), toPosition(lines.positionAt(edit.end)));
    workspaceEdit.replace(toUri(root, edit.path), range, edit.newText);
  }
  return workspaceEdit;
}
