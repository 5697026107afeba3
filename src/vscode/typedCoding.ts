import * as vscode from 'vscode';
import { isValidCodeName, type TagOccurrence } from '../core';

/** What the text typed into the Code Selection picker asks for. */
export type TypedCoding =
  | { readonly kind: 'codes'; readonly codes: readonly string[]; readonly description: string }
  | { readonly kind: 'remove'; readonly tag: TagOccurrence; readonly description: string }
  | { readonly kind: 'invalid'; readonly description: string };

/**
 * Reads the typed text: code names (`#` optional) separated by spaces or commas, each
 * an existing or a new code; or `-name` to remove a code of the passage under the
 * cursor (a unique prefix is enough). Anything else says why it is not a code name.
 */
export function typedCoding(text: string, known: ReadonlySet<string>, removable: readonly TagOccurrence[]): TypedCoding {
  if (text.startsWith('-')) return removal(text.slice(1).replace(/^#/, ''), removable);
  const names = [...new Set(text.split(/[\s,]+/).map((name) => name.replace(/^#/, '')).filter(Boolean))];
  const invalid = names.find((name) => !isValidCodeName(name));
  if (invalid !== undefined || names.length === 0) {
    return { kind: 'invalid', description: vscode.l10n.t('#{0} is not a code name: start with a letter; use letters, digits, _ - . and / between levels', invalid ?? '') };
  }
  const fresh = names.filter((name) => !known.has(name));
  if (names.length > 1) {
    const description = fresh.length > 0 ? vscode.l10n.t('apply all {0} codes ({1} new)', names.length, fresh.length) : vscode.l10n.t('apply all {0} codes', names.length);
    return { kind: 'codes', codes: names, description };
  }
  if (fresh.length === 0) return { kind: 'codes', codes: names, description: vscode.l10n.t('code') };
  const twin = [...known].find((name) => name.toLowerCase() === names[0].toLowerCase());
  return { kind: 'codes', codes: names, description: twin ? vscode.l10n.t('new code (names are case-sensitive: #{0} exists)', twin) : vscode.l10n.t('new code') };
}

function removal(name: string, removable: readonly TagOccurrence[]): TypedCoding {
  const exact = removable.find((tag) => tag.code === name);
  const matches = exact ? [exact] : removable.filter((tag) => tag.code.startsWith(name));
  if (matches.length === 1) return { kind: 'remove', tag: matches[0], description: vscode.l10n.t('remove #{0} from this passage', matches[0].code) };
  if (matches.length > 1) return { kind: 'invalid', description: vscode.l10n.t('{0} codes of this passage start with {1}: type more', matches.length, name) };
  return { kind: 'invalid', description: removable.length > 0 ? vscode.l10n.t('the passage under the cursor has no #{0}', name) : vscode.l10n.t('the cursor is not on a coded passage') };
}
