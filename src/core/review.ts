/**
 * A review on a host: reads the project file, the codebook and the studies into a
 * `ReviewIndex`, and keeps it current from file events. The same code serves the CLI
 * (Node's fs) and the extension (`vscode.workspace.fs`).
 */
import picomatch from 'picomatch';
import { parseCodebook } from './codebook';
import { CONFIG_FILE, includedStudiesProblems, parseConfig } from './config';
import type { FileEvent, ReviewHost } from './host';
import type { Problem, ProjectConfig } from './model';
import { MARKDOWN_FILE } from './report/buildReport';
import { ReviewIndex } from './reviewIndex';
import { parseMemo } from './memo/memo';
import { isBelowFolder, pathKey } from './reviewPaths';
import { parseStudy } from './study';
import { readFileText, type FileText } from './text/fileText';
import { LineIndex } from './text/lineIndex';

/** A review: its host, configuration and live index. */
export class Review {
  readonly index = new ReviewIndex();
  private configValue: ProjectConfig;
  private configProblems: Problem[] = [];
  private configText: string | undefined;
  private readonly unreadable = new Map<string, Problem>();
  private skippedFolders: Problem[] = [];
  private studyMatcher: (path: string) => boolean;

  constructor(readonly host: ReviewHost, configText?: string) {
    this.configText = configText;
    const { config, problems } = parseConfig(configText);
    this.configValue = config;
    this.configProblems = problems;
    this.studyMatcher = picomatch(config.studies, { dot: false });
    this.index.setCerqualSettings(config.cerqual);
  }

  get config(): ProjectConfig {
    return this.configValue;
  }

  isStudyPath(path: string): boolean {
    return path !== this.configValue.codebook && this.studyMatcher(path) && !this.isReportPath(path) && !this.isMemoPath(path);
  }

  /** True for a memo file: a Markdown file under the memo folder (`memos/` by default). */
  isMemoPath(path: string): boolean {
    return isBelowFolder(path, this.configValue.memos) && /\.md$/i.test(path) && !this.isReportPath(path);
  }

  /**
   * True for a folder that is, holds or lies in the memo folder: a watcher may report a
   * new folder alone, without the memo files written into it, so the memos are re-read.
   */
  isMemoFolderEvent(path: string): boolean {
    const folder = this.configValue.memos;
    return !this.isMemoPath(path) && (path === folder || folder.startsWith(`${path}/`) || isBelowFolder(path, folder));
  }

  isCodebookPath(path: string): boolean {
    return path === this.configValue.codebook;
  }

  isConfigPath(path: string): boolean {
    return path === CONFIG_FILE;
  }

  /**
   * True for generated files, which are never indexed as studies: everything in
   * `reportDir` (spelled in any way: `reports/`, `./reports`), or with `reportDir: .`
   * the Markdown report at the root.
   */
  isReportPath(path: string): boolean {
    const key = this.host.foldsCase ? pathKey : (text: string): string => text;
    const folder = key(this.configValue.reportDir);
    return folder === '' ? key(path) === MARKDOWN_FILE : isBelowFolder(key(path), folder);
  }

  /** Reads every study and the codebook. */
  async loadAll(): Promise<void> {
    const paths = (await this.host.findFiles(this.configValue.studies)).filter((path) => this.isStudyPath(path));
    this.skippedFolders = (this.host.skippedFolders?.() ?? []).map((skipped) => ({ ...unreadableProblem(skipped.path, skipped.reason), severity: 'warning' as const }));
    // After the study search, whose skipped folders are the ones reported.
    const memos = await this.host.findFiles(`${this.configValue.memos}/**/*.md`);
    await Promise.all([this.reloadCodebook(), this.loadStudies(paths), ...memos.filter((path) => this.isMemoPath(path)).map((path) => this.reloadMemo(path))]);
    this.publishOtherProblems();
  }

  /** Reads studies concurrently (the host's reads overlap), indexing each as it arrives. */
  private async loadStudies(paths: readonly string[]): Promise<void> {
    await Promise.all(paths.map((path) => this.reloadStudy(path)));
  }

  /**
   * Applies a batch of file events: changed studies are re-read, deleted ones removed,
   * a changed codebook re-parsed; a changed project file reloads everything.
   */
  async applyFileEvents(events: readonly FileEvent[]): Promise<void> {
    if (events.some((event) => this.isConfigPath(event.path))) {
      await this.reloadConfig();
      return;
    }
    const latest = new Map<string, FileEvent>();
    for (const event of events) latest.set(event.path, event);
    const changedStudies: string[] = [];
    const changedMemos: string[] = [];
    let codebookChanged = false;
    if (events.some((event) => this.isMemoFolderEvent(event.path))) changedMemos.push(...(await this.memoFolderChanges()));
    for (const event of latest.values()) {
      if (this.isCodebookPath(event.path)) {
        codebookChanged = true;
      } else if (this.isStudyPath(event.path) && event.kind === 'deleted') {
        this.unreadable.delete(event.path);
        this.index.removeStudy(event.path);
      } else if (this.isStudyPath(event.path)) {
        changedStudies.push(event.path);
      } else if (this.isMemoPath(event.path) && event.kind === 'deleted') {
        this.unreadable.delete(event.path);
        this.index.removeMemo(event.path);
      } else if (this.isMemoPath(event.path)) {
        changedMemos.push(event.path);
      }
    }
    // A branch switch rewrites many studies at once: they load like a whole review.
    await Promise.all([codebookChanged ? this.reloadCodebook() : undefined, this.loadStudies(changedStudies), ...changedMemos.map((path) => this.reloadMemo(path))]);
    this.publishOtherProblems();
  }

  /** Re-indexes one study from text the caller already has (an open editor's buffer). */
  updateStudyText(path: string, text: string): void {
    this.index.setStudy(parseStudy(path, text));
  }

  /** Re-indexes one memo from text the caller already has. */
  updateMemoText(path: string, text: string): void {
    this.index.setMemo(parseMemo(path, text));
  }

  /** Re-parses the codebook from text the caller already has. */
  updateCodebookText(text: string): void {
    this.index.setCodebook(parseCodebook(this.configValue.codebook, text));
  }

  private async reloadConfig(): Promise<void> {
    const text = await this.readText(CONFIG_FILE);
    this.configText = text;
    const { config, problems } = parseConfig(text);
    this.configValue = config;
    this.configProblems = problems;
    this.studyMatcher = picomatch(config.studies, { dot: false });
    this.index.setCerqualSettings(config.cerqual);
    for (const study of this.index.studies()) this.index.removeStudy(study.path);
    for (const memo of this.index.memos()) this.index.removeMemo(memo.path);
    await this.loadAll();
  }

  /** Indexes a study read from disk; a file that cannot be read becomes a problem. */
  private async reloadStudy(path: string): Promise<void> {
    const file = await readFileText(this.host, path);
    this.noteReadable(file);
    if (file.kind === 'text') this.index.setStudy(parseStudy(path, file.text));
    else this.index.removeStudy(path);
  }

  /** The memo files on disk now; those the index has but the disk has not are removed. */
  private async memoFolderChanges(): Promise<string[]> {
    const onDisk = (await this.host.findFiles(`${this.configValue.memos}/**/*.md`)).filter((path) => this.isMemoPath(path));
    const present = new Set(onDisk);
    for (const memo of this.index.memos()) if (!present.has(memo.path)) this.index.removeMemo(memo.path);
    return onDisk;
  }

  /** Indexes a memo read from disk; a file that cannot be read becomes a problem. */
  private async reloadMemo(path: string): Promise<void> {
    const text = await this.readText(path);
    if (text === undefined) this.index.removeMemo(path);
    else this.index.setMemo(parseMemo(path, text));
  }

  private async reloadCodebook(): Promise<void> {
    const text = await this.readText(this.configValue.codebook);
    this.index.setCodebook(text === undefined ? undefined : parseCodebook(this.configValue.codebook, text));
  }

  /** Reads and decodes a file; an unreadable file becomes a problem, not an exception. */
  private async readText(path: string): Promise<string | undefined> {
    const file = await readFileText(this.host, path);
    this.noteReadable(file);
    return file.kind === 'text' ? file.text : undefined;
  }

  /** Keeps the problem of a file that cannot be read, and forgets it once it can. */
  noteReadable(file: FileText): void {
    if (file.kind === 'unreadable') this.unreadable.set(file.path, unreadableProblem(file.path, file.reason));
    else this.unreadable.delete(file.path);
  }

  private publishOtherProblems(): void {
    const counts = includedStudiesProblems(this.configText, this.configValue, this.index.studies().length);
    this.index.setOtherProblems([...this.configProblems, ...counts, ...this.unreadable.values(), ...this.skippedFolders]);
  }
}

function unreadableProblem(path: string, reason: string): Problem {
  return { path, range: new LineIndex('').span(0, 0), severity: 'error', kind: 'unreadable-file', message: `${path} ${reason}.` };
}

/** Reads a review's project file, codebook and studies through a host. */
export async function loadReview(host: ReviewHost): Promise<Review> {
  const config = await readFileText(host, CONFIG_FILE);
  const review = new Review(host, config.kind === 'text' ? config.text : undefined);
  review.noteReadable(config);
  await review.loadAll();
  return review;
}
