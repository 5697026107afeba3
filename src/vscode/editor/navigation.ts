import * as vscode from 'vscode';
import { type Review, tagAt } from '../../core';
import { toLocation } from '../convert';
import type { ReviewSession } from '../reviewSession';

/**
 * Go to Definition on a tag opens its codebook line(s); Find All References lists every
 * segment coded with it across the review (and its definitions when asked).
 */
export class CodeNavigationProvider implements vscode.DefinitionProvider, vscode.ReferenceProvider {
  constructor(private readonly session: ReviewSession) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location[] | undefined> {
    const found = await this.codeAt(document, position);
    if (!found) return undefined;
    return definitionLocations(found.review, this.session.root!, found.code);
  }

  async provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): Promise<vscode.Location[] | undefined> {
    const found = await this.codeAt(document, position);
    if (!found) return undefined;
    const root = this.session.root!;
    const segments = found.review.index.segmentsOf(found.code).map((segment) => toLocation(root, segment.path, segment.range));
    return context.includeDeclaration ? [...definitionLocations(found.review, root, found.code), ...segments] : segments;
  }

  /** The code of the tag under the cursor, in a study or in the codebook. */
  private async codeAt(document: vscode.TextDocument, position: vscode.Position): Promise<{ review: Review; code: string } | undefined> {
    const current = await this.session.studyOf(document);
    const offset = document.offsetAt(position);
    if (current) {
      const tag = tagAt(current.study, offset);
      return tag && { review: current.review, code: tag.code };
    }
    const loaded = await this.session.loaded();
    if (!loaded || !this.session.isCodebook(document.uri)) return undefined;
    const { review } = loaded;
    const definition = review.index.codebook.definitions.find((item) => item.range.start <= offset && offset <= item.range.end);
    return definition && { review, code: definition.code };
  }
}

function definitionLocations(review: Review, root: vscode.Uri, code: string): vscode.Location[] {
  const codebook = review.index.codebook;
  return codebook.definitions.filter((definition) => definition.code === code).map((definition) => toLocation(root, codebook.path, definition.lineRange));
}
