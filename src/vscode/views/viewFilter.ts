import * as vscode from 'vscode';
import type { StudyFilter } from '../../core';
import { describeFilter, NO_FILTER, type ViewFilterState } from './reviewLens';

/** Context key that is true while a filter is set (shows the clear button). */
export const FILTERED_CONTEXT = 'qualsynth.filtered';

/**
 * The filter the Themes and Studies views share: study attributes and text. Changing it
 * tells the views at once and sets the `qualsynth.filtered` context key.
 */
export class ViewFilter implements vscode.Disposable {
  private stateValue: ViewFilterState = NO_FILTER;
  private readonly changed = new vscode.EventEmitter<ViewFilterState>();
  /** Fires with the new state after every change. */
  readonly onDidChange = this.changed.event;

  get state(): ViewFilterState {
    return this.stateValue;
  }

  /** `perspective=recipients · "pay"`, or `''`. */
  get description(): string {
    return describeFilter(this.stateValue);
  }

  /** Replaces the attribute part of the filter (an empty filter clears it). */
  setStudies(studies: StudyFilter): Promise<void> {
    return this.set({ ...this.stateValue, studies });
  }

  /** Replaces the text part of the filter (`''` clears it). */
  setText(text: string): Promise<void> {
    return this.set({ ...this.stateValue, text: text.trim() });
  }

  /** Shows everything again. */
  clear(): Promise<void> {
    return this.set(NO_FILTER);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async set(state: ViewFilterState): Promise<void> {
    this.stateValue = state;
    this.changed.fire(state);
    await vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, describeFilter(state) !== '');
  }
}
