import * as vscode from 'vscode';
import type { ReviewIndex, TagOccurrence } from '../core';
import { typedCoding, type TypedCoding } from './typedCoding';

/** What the researcher chose in the picker. */
export type PickedCoding = { readonly kind: 'codes'; readonly codes: readonly string[] } | { readonly kind: 'remove'; readonly tag: TagOccurrence };

/** What the picker offers besides the review's codes. */
export interface PickerOptions {
  readonly title: string;
  /** The codes applied last, most recent first: listed first. */
  readonly recent: readonly string[];
  /** The in-vivo code name of the selected words, when there is one. */
  readonly inVivo?: string;
  /** Tags of the passage under the cursor, offered for removal. */
  readonly removable: readonly TagOccurrence[];
}

/** Recent codes listed before the others. */
const MAX_RECENT_ROWS = 5;

type RowAction = PickedCoding | { readonly kind: 'tick' } | { readonly kind: 'none' };

interface Row extends vscode.QuickPickItem {
  /** Tells rows apart across rebuilds (ticks survive typing). */
  readonly key: string;
  readonly action: RowAction;
}

/**
 * The Code Selection picker, keyboard-first: type a code and press Enter. The row for
 * the typed text — that code, a new code of that name, several names separated by
 * spaces, or `-code` to remove a code from the passage under the cursor — is labelled
 * with exactly what was typed, so VS Code sorts it first and highlights it, and Enter
 * applies it. With nothing typed, Enter applies the highlighted row (the most recent
 * code first). "Tick several codes" switches to check boxes.
 *
 * Enter applies what was highlighted, with one guard: VS Code names rows by their index,
 * so a row chosen before the workbench showed the rows for the last keystroke may be
 * a row of an older list. The typed row therefore sits at an index of its own in every
 * rebuild, and until the workbench has highlighted it, Enter applies what was typed.
 */
export function pickCoding(index: ReviewIndex, options: PickerOptions): Promise<PickedCoding | undefined> {
  return new CodePicker(index, options).show();
}

class CodePicker {
  private readonly pick = vscode.window.createQuickPick<Row>();
  /** Rows that keep their index in every rebuild. */
  private readonly fixed: Row[];
  private readonly known: ReadonlySet<string>;
  private readonly tickRow: Row;
  /** Bumped on every rebuild with a typed row: its index is `fixed.length + version`. */
  private version = 0;
  private typed: Row | undefined;
  /** True once the workbench highlighted the current typed row (the rows it shows are current). */
  private confirmed = false;
  private tickedKeys = new Set<string>();

  constructor(private readonly index: ReviewIndex, private readonly options: PickerOptions) {
    this.known = new Set(index.codes().map((code) => code.name));
    this.tickRow = { key: 'tick', label: vscode.l10n.t('Tick several codes…'), iconPath: new vscode.ThemeIcon('checklist'), description: vscode.l10n.t('check boxes instead of one code'), action: { kind: 'tick' } };
    this.fixed = this.fixedRows();
  }

  show(): Promise<PickedCoding | undefined> {
    const pick = this.pick;
    pick.title = this.options.title;
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    pick.buttons = [{ iconPath: new vscode.ThemeIcon('checklist'), tooltip: vscode.l10n.t('Tick several codes') }];
    this.describe();
    return new Promise<PickedCoding | undefined>((resolve) => {
      pick.onDidChangeValue((value) => this.rebuild(value));
      pick.onDidChangeSelection((rows) => {
        if (pick.canSelectMany) this.tickedKeys = new Set(rows.map((row) => row.key));
      });
      pick.onDidChangeActive(([row]) => {
        if (row && row === this.typed) this.confirmed = true;
      });
      pick.onDidTriggerButton(() => this.toggleTicking());
      pick.onDidAccept(() => {
        const action = this.accepted();
        if (action?.kind === 'tick') return this.toggleTicking();
        if (!action || action.kind === 'none') return;
        resolve(action);
        pick.hide();
      });
      pick.onDidHide(() => {
        resolve(undefined);
        pick.dispose();
      });
      this.rebuild('');
      pick.show();
    });
  }

  /** What Enter means now; `undefined` or `none` keeps the picker open. */
  private accepted(): RowAction | undefined {
    const value = this.pick.value.trim();
    if (this.pick.canSelectMany) {
      const codes = this.pick.selectedItems.flatMap((row) => (row.action.kind === 'codes' ? row.action.codes : []));
      if (codes.length > 0) return { kind: 'codes', codes: [...new Set(codes)] };
      return value ? this.typed?.action : undefined;
    }
    const [selected] = this.pick.selectedItems;
    if (!value) return selected?.action;
    if (selected === this.typed) return this.typed?.action;
    // A row the researcher moved to once the current rows were shown; otherwise what was typed.
    if (selected && this.fixed.includes(selected) && this.confirmed) return selected.action;
    return this.typed?.action;
  }

  private rebuild(value: string): void {
    const text = value.trim();
    this.confirmed = false;
    if (!text) {
      this.typed = undefined;
      this.setItems(this.fixed);
      return;
    }
    this.version++;
    this.typed = typedRow(text, typedCoding(text, this.known, this.options.removable));
    // A fixed row labelled like the typed one would tie with it for the highlight: it stands
    // aside for this rebuild (with check boxes nothing is highlighted, and ticks stay put).
    const same = (row: Row): boolean => !this.pick.canSelectMany && row.kind !== vscode.QuickPickItemKind.Separator && row.label.toLowerCase() === text.toLowerCase();
    const fixed = this.fixed.map((row) => (same(row) ? placeholder() : row));
    this.setItems([...fixed, ...Array.from({ length: this.version - 1 }, placeholder), this.typed]);
  }

  private setItems(items: Row[]): void {
    this.pick.items = items;
    if (this.pick.canSelectMany) this.pick.selectedItems = items.filter((row) => this.tickedKeys.has(row.key));
  }

  private toggleTicking(): void {
    this.pick.canSelectMany = !this.pick.canSelectMany;
    this.describe();
    this.rebuild(this.pick.value);
  }

  private describe(): void {
    this.pick.placeholder = this.pick.canSelectMany
      ? vscode.l10n.t('Tick the codes (Space or click), then press Enter')
      : vscode.l10n.t('Type a code and press Enter (a new name creates it; several names apply all; -code removes it)');
  }

  private fixedRows(): Row[] {
    const codes = this.index.codes();
    const byName = new Map(codes.map((code) => [code.name, code]));
    const codeRow = (name: string, note?: string): Row => {
      const code = byName.get(name);
      const theme = code?.themes[0]?.join(' › ') ?? vscode.l10n.t('uncategorised');
      return { key: `code:${name}`, label: name, iconPath: new vscode.ThemeIcon('tag'), description: note ? `${note} · ${theme}` : theme, detail: code?.definition || undefined, action: { kind: 'codes', codes: [name] } };
    };
    const rows: Row[] = [];
    const recent = this.options.recent.filter((name) => this.known.has(name)).slice(0, MAX_RECENT_ROWS);
    if (recent.length > 0) rows.push(separator(vscode.l10n.t('recently used')), ...recent.map((name) => codeRow(name, vscode.l10n.t('recent'))));
    const inVivo = this.options.inVivo;
    if (inVivo) {
      const description = this.known.has(inVivo) ? vscode.l10n.t('in vivo: the code named after the selected words') : vscode.l10n.t('in vivo: a new code named after the selected words');
      rows.push(separator(vscode.l10n.t('in vivo')), { key: `in-vivo:${inVivo}`, label: inVivo, iconPath: new vscode.ThemeIcon('quote'), description, action: { kind: 'codes', codes: [inVivo] } });
    }
    rows.push(separator(vscode.l10n.t('codes')), ...codes.filter((code) => !recent.includes(code.name)).map((code) => codeRow(code.name)));
    if (this.options.removable.length > 0) {
      rows.push(separator(vscode.l10n.t('on the passage under the cursor')));
      for (const tag of this.options.removable) {
        rows.push({ key: `remove:${tag.code}`, label: `-${tag.code}`, iconPath: new vscode.ThemeIcon('close'), description: vscode.l10n.t('remove #{0} from this passage', tag.code), action: { kind: 'remove', tag } });
      }
    }
    rows.push(separator(''), this.tickRow);
    return rows;
  }
}

/** The row of the typed text: labelled exactly as typed, so VS Code puts it first. */
function typedRow(text: string, coding: TypedCoding): Row {
  const icon = { codes: 'tag', remove: 'close', invalid: 'error' }[coding.kind];
  const action: RowAction = coding.kind === 'codes' ? { kind: 'codes', codes: coding.codes } : coding.kind === 'remove' ? { kind: 'remove', tag: coding.tag } : { kind: 'none' };
  return { key: `typed:${text}`, label: text, iconPath: new vscode.ThemeIcon(icon), description: coding.description, alwaysShow: true, action };
}

function separator(label: string): Row {
  return { key: `separator:${label}`, label, kind: vscode.QuickPickItemKind.Separator, action: { kind: 'none' } };
}

/** Keeps an index taken while showing nothing (separators are hidden while filtering). */
function placeholder(): Row {
  return { key: 'placeholder', label: '', kind: vscode.QuickPickItemKind.Separator, action: { kind: 'none' } };
}
