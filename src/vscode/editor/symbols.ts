import * as vscode from 'vscode';
import { countOf, excerpt, type Review } from '../../core';
import type { ReviewSession } from '../reviewSession';
import { toLocation, toRange } from '../convert';

/** Outline of a study: its codes, each with the segments coded with it. */
export class StudySymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly session: ReviewSession) {}

  async provideDocumentSymbols(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[] | undefined> {
    const current = await this.session.studyOf(document);
    if (!current) return undefined;
    const byCode = new Map<string, vscode.DocumentSymbol[]>();
    for (const segment of current.study.segments) {
      for (const code of segment.codes) {
        const range = toRange(segment.outerRange);
        const symbol = new vscode.DocumentSymbol(excerpt(segment.text, 60) || '(empty)', segment.order === 'first' ? 'participant' : 'authors', vscode.SymbolKind.String, range, toRange(segment.range));
        byCode.set(code, [...(byCode.get(code) ?? []), symbol]);
      }
    }
    return [...byCode].map(([code, children]) => {
      const whole = children.reduce((range, child) => range.union(child.range), children[0].range);
      const symbol = new vscode.DocumentSymbol(`#${code}`, countOf(children.length, 'segment'), vscode.SymbolKind.Key, whole, children[0].selectionRange);
      symbol.children = children;
      return symbol;
    });
  }
}

/** Workspace symbols: every code of the review, at its definition or first segment. */
export class CodeWorkspaceSymbolProvider implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly session: ReviewSession) {}

  async provideWorkspaceSymbols(query: string): Promise<vscode.SymbolInformation[]> {
    const loaded = await this.session.loaded();
    if (!loaded) return [];
    const { review, root } = loaded;
    const wanted = query.replace(/^#/, '').toLowerCase();
    return review.index
      .codes()
      .filter((code) => code.name.toLowerCase().includes(wanted))
      .flatMap((code) => {
        const definition = code.definitions[0];
        const location = definition ? toLocation(root, review.index.codebook.path, definition.lineRange) : firstSegment(review, root, code.name);
        return location ? [new vscode.SymbolInformation(`#${code.name}`, vscode.SymbolKind.Key, code.themes[0]?.join(' › ') ?? 'uncategorised', location)] : [];
      });
  }
}

function firstSegment(review: Review, root: vscode.Uri, code: string): vscode.Location | undefined {
  const [segment] = review.index.segmentsOf(code);
  return segment && toLocation(root, segment.path, segment.range);
}
