/**
 * Judgements that stay true: a judgement recorded on the small fixture, then the
 * coding changed under it — a contributing study removed, a passage reworded, a count
 * in an explanation that the data contradict, a finding left without evidence.
 */
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { findingThemes, reviewFindingEvidence } from '../../../src/core/cerqual/reviewFindings';
import { recordJudgementEdits } from '../../../src/core/edits/cerqualJudgement';
import { applyEdits } from '../../../src/core/edits/textEdit';
import type { Problem } from '../../../src/core/model';
import { NodeReviewHost } from '../../../src/node/nodeHost';
import { loadReview, type Review } from '../../../src/core/review';
import { runCli } from '../runCli';
import { CERQUAL_FIXTURE } from './fixture';

const CERQUAL_KINDS = ['cerqual-stale', 'cerqual-count', 'cerqual-no-evidence', 'cerqual-incomplete', 'cerqual-syntax'];

/** A copy of the fixture whose Stigma judgement has been recorded on the current coding. */
async function recordedCopy(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'qualsynth-cerqual-'));
  cpSync(CERQUAL_FIXTURE, dir, { recursive: true });
  const review = await load(dir);
  const stigma = findingThemes(review.index.themes())[0];
  const { basis } = reviewFindingEvidence(review.index, stigma, review.config.cerqual);
  const judgement = stigma.cerqual!;
  const text = readFileSync(path.join(dir, 'codebook.md'), 'utf8');
  const components = judgement.components.map(({ component, concern, explanation }) => ({ component, concern: concern!, explanation }));
  const edits = recordJudgementEdits(review.index.codebook, text, stigma.path, { confidence: judgement.confidence!, explanation: judgement.explanation, components, basis });
  writeFileSync(path.join(dir, 'codebook.md'), applyEdits(text, edits));
  return dir;
}

const load = (dir: string): Promise<Review> => loadReview(new NodeReviewHost(dir));

/** The judgement problems as `line: kind: message` (1-based lines), warnings and errors only. */
function judgementProblems(review: Review): string[] {
  return review.index
    .problems()
    .filter((problem: Problem) => CERQUAL_KINDS.includes(problem.kind) && problem.severity !== 'info')
    .map((problem) => `${problem.range.startPosition.line + 1}: ${problem.kind}: ${problem.message}`);
}

describe('GRADE-CERQual judgements that stay true', () => {
  let dir: string;
  beforeEach(async () => (dir = await recordedCopy()));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const codebookLine = (prefix: string): number => readFileSync(path.join(dir, 'codebook.md'), 'utf8').split('\n').findIndex((line) => line.startsWith(prefix)) + 1;

  it('is quiet while the coding is what the judgement was recorded on', async () => {
    assert.deepEqual(judgementProblems(await load(dir)), []);
  });

  it('warns at the Judged on: line when a contributing study is removed', async () => {
    rmSync(path.join(dir, 'studies/brown-2002.md'));
    const review = await load(dir);
    const line = codebookLine('- Judged on:');
    assert.ok(line > 0);
    const adequacy = codebookLine('- Adequacy:');
    const relevance = codebookLine('- Relevance:');
    assert.deepEqual(judgementProblems(review), [
      // The explanations were true of four segments from three studies: now the data contradict some of their counts.
      `${adequacy}: cerqual-count: The adequacy explanation says “four segments”, but the data have 3 supporting segments: correct the count, or re-judge the finding.`,
      `${adequacy}: cerqual-count: The adequacy explanation says “35 participants”, but the data have 15 participants in the contributing studies: correct the count, or re-judge the finding.`,
      `${relevance}: cerqual-count: The relevance explanation says “two workers studies”, but the data have 1 contributing study of workers (1 in the review): correct the count, or re-judge the finding.`,
      `${line}: cerqual-stale: The coding under “Stigma” has changed since this judgement was recorded: 1 study gone (brown-2002); 3 segments now, 4 then. Re-judge the finding and record it again (QualSynth: Record CERQual Judgement…).`,
    ]);
  });

  it('prints the warning from `check`, and --strict fails on it', async () => {
    rmSync(path.join(dir, 'studies/brown-2002.md'));
    const run = await runCli('check', dir, '--strict', '--quiet');
    assert.equal(run.code, 1);
    assert.match(run.out, new RegExp(`^codebook\\.md:${codebookLine('- Judged on:')}:3: warning: The coding under “Stigma” has changed since this judgement was recorded: 1 study gone \\(brown-2002\\)`, 'm'));
    assert.equal((await runCli('check', dir, '--quiet')).code, 0, 'warnings alone do not fail check');
  });

  it('notices a reworded passage even when studies and counts stay the same', async () => {
    const file = path.join(dir, 'studies/clark-2003.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('that staff doubted the peer worker', 'that staff mistrusted the peer worker'));
    assert.deepEqual(judgementProblems(await load(dir)).map((problem) => problem.replace(/^\d+: /, '')), [
      'cerqual-stale: The coding under “Stigma” has changed since this judgement was recorded: segments recoded or reworded. Re-judge the finding and record it again (QualSynth: Record CERQual Judgement…).',
    ]);
  });

  it('warns at a stated count the data contradict, and names the count they have', async () => {
    const file = path.join(dir, 'codebook.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('four segments from three studies', 'four segments from five studies').replace('two workers studies', 'three workers studies'));
    const review = await load(dir);
    const problems = judgementProblems(review);
    assert.deepEqual(problems.map((problem) => problem.replace(/^\d+: /, '')), [
      'cerqual-count: The adequacy explanation says “five studies”, but the data have 3 contributing studies: correct the count, or re-judge the finding.',
      'cerqual-count: The relevance explanation says “three workers studies”, but the data have 2 contributing studies of workers (2 in the review): correct the count, or re-judge the finding.',
    ]);
    const [adequacy] = review.index.problems().filter((problem) => problem.kind === 'cerqual-count');
    const text = readFileSync(file, 'utf8');
    assert.equal(text.slice(adequacy.range.start, adequacy.range.end), 'five studies');
  });

  it('warns when a finding with no contributing study keeps a confidence', async () => {
    const file = path.join(dir, 'codebook.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n## Unseen\n\nCERQual: moderate — nothing yet.\n\n- #never-used: Not applied.\n`);
    const problems = judgementProblems(await load(dir));
    assert.deepEqual(problems, [`${codebookLine('CERQual: moderate — nothing')}: cerqual-no-evidence: “Unseen” has no contributing study (no segment is coded with its codes), yet keeps a GRADE-CERQual judgement: code its evidence, or remove the judgement.`]);
  });

  it('re-checks after each change exactly as a fresh index would (the per-finding cache)', async () => {
    const review = await load(dir);
    const brown = path.join(dir, 'studies/brown-2002.md');
    const edits = [
      (text: string) => text.replace('#stigma', '#pay'),
      (text: string) => text.replace('country: USA', 'country: Canada'),
      (text: string) => text.replace('#pay', '#stigma'),
    ];
    let text = readFileSync(brown, 'utf8');
    const seen: number[] = [];
    for (const edit of edits) {
      review.index.problems();
      text = edit(text);
      review.updateStudyText('studies/brown-2002.md', text);
      writeFileSync(brown, text);
      assert.deepEqual(judgementProblems(review), judgementProblems(await load(dir)));
      seen.push(judgementProblems(review).length);
    }
    // Brown's stigma passage recoded: stale; its country changed too: still stale; recoded back: quiet again.
    assert.deepEqual(seen.map((count) => count > 0), [true, true, false]);
  });

  it('re-checks as a fresh index would when a study comes to use a finding\'s codes, or goes (the cache key)', async () => {
    const review = await load(dir);
    const davis = path.join(dir, 'studies/davis-2004.md');
    const withDavis = (text: string): Promise<void> => {
      review.updateStudyText('studies/davis-2004.md', text);
      writeFileSync(davis, text);
      return Promise.resolve();
    };
    const original = readFileSync(davis, 'utf8');
    const steps: Array<() => Promise<void>> = [
      // Davis uses none of Stigma's codes, then its contrary code, then its supporting one.
      () => withDavis(`${original}\n> Workers were equals.\n> #acceptance\n`),
      () => withDavis(`${original}\n> Workers were patients.\n> #stigma\n`),
      () => withDavis(original),
      async () => {
        rmSync(path.join(dir, 'studies/brown-2002.md'));
        await review.applyFileEvents([{ kind: 'deleted', path: 'studies/brown-2002.md' }]);
      },
    ];
    const seen: number[] = [];
    for (const step of steps) {
      review.index.problems();
      await step();
      assert.deepEqual(judgementProblems(review), judgementProblems(await load(dir)));
      seen.push(judgementProblems(review).length);
    }
    // Contrary passage added: fingerprint changed; supporting passage: a study added; back: quiet; Brown gone: stale.
    assert.deepEqual(seen.map((count) => count > 0), [true, true, false, true]);
  });

  it('notes, without failing, a judgement with no basis or no components', async () => {
    const review = await load(dir);
    const notes = review.index.problems().filter((problem) => problem.severity === 'info' && problem.kind.startsWith('cerqual'));
    assert.deepEqual(notes.map((problem) => [problem.kind, problem.range.startPosition.line + 1]), [['cerqual-incomplete', codebookLine('CERQual: low')], ['cerqual-stale', codebookLine('CERQual: low')]]);
  });
});
