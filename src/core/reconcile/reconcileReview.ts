/**
 * Reconciliation of a review from an agreement report: the team's choice for each
 * disagreement (by its stable id) applied to the current version of each study, with
 * the coders' versions to copy codes from. Pure: the caller reads the versions (the
 * working tree and the coders' branches) and writes the texts back as one edit.
 */
import { codingUnitsOfStudy, type CodingUnit } from '../agreement/codingUnits';
import type { AgreementReport, Disagreement } from '../agreement/agreementModel';
import { disagreementId } from '../agreement/disagreementId';
import { parseStudy } from '../study';
import { reconcileStudy, type BlockDecision, type ReconcileChoice, type VersionBlock } from './reconcileStudy';

/** One version of a study file (BOM removed). */
export interface StudyVersion {
  readonly path: string;
  readonly text: string;
}

/** Every study of one version, by study id. */
export type ReviewVersion = ReadonlyMap<string, StudyVersion>;

/** What reconciling changed. */
export interface ReconcileOutcome {
  /** New texts of the current version's studies that changed, by path. */
  readonly texts: Map<string, string>;
  /** Ids whose choice was applied. */
  readonly applied: string[];
  /** Ids whose passage the current version does not have (its text differs): nothing done. */
  readonly missing: string[];
}

/** Thrown for choices the report cannot take. */
export class ReconcileInputError extends Error {}

/** Applies `choices` (disagreement id → choice) to the current version. */
export function reconcileReview(report: AgreementReport, current: ReviewVersion, coders: readonly [ReviewVersion, ReviewVersion], choices: ReadonlyMap<string, ReconcileChoice>): ReconcileOutcome {
  if (report.unit !== 'block' || report.coders.length !== 2) throw new ReconcileInputError('Reconciliation works on a two-coder agreement report with the block unit (--unit block).');
  const byId = new Map(report.disagreements.map((entry) => [entry.id, entry]));
  const unknown = [...choices.keys()].filter((id) => !byId.has(id));
  if (unknown.length > 0) throw new ReconcileInputError(`No disagreement with the id ${unknown.join(', ')} in this comparison (list them with \`qualsynth reconcile <a> <b>\`).`);
  const byStudy = new Map<string, Array<{ entry: Disagreement; choice: ReconcileChoice }>>();
  for (const [id, choice] of choices) {
    const entry = byId.get(id)!;
    byStudy.set(entry.study, [...(byStudy.get(entry.study) ?? []), { entry, choice }]);
  }
  const outcome: ReconcileOutcome = { texts: new Map(), applied: [], missing: [] };
  for (const [study, decided] of byStudy) {
    const version = current.get(study);
    const units = version && unitsOf(version);
    const coderUnits = coders.map((coder) => {
      const other = coder.get(study);
      return other ? { version: other, units: unitsOf(other) } : undefined;
    });
    const decisions: BlockDecision[] = [];
    for (const { entry, choice } of decided) {
      const block = units && findUnit(units, entry);
      if (!version || !block) {
        outcome.missing.push(entry.id);
        continue;
      }
      const inCoder = (index: 0 | 1): VersionBlock | undefined => {
        const coder = coderUnits[index];
        const unit = coder && findUnit(coder.units, entry);
        return coder && unit ? { text: coder.version.text, start: unit.start, end: unit.end } : undefined;
      };
      decisions.push({ start: block.start, end: block.end, coders: [inCoder(0), inCoder(1)], codes: entry.codes, byCoder: [entry.byCoder[0], entry.byCoder[1]], choice });
      outcome.applied.push(entry.id);
    }
    if (!version || decisions.length === 0) continue;
    const text = reconcileStudy(version.text, decisions);
    if (text !== version.text) outcome.texts.set(version.path, text);
  }
  return outcome;
}

function unitsOf(version: StudyVersion): CodingUnit[] {
  return codingUnitsOfStudy(parseStudy(version.path, version.text), version.text);
}

/** The unit a disagreement is about: the one whose key and disputed codes give its id. */
function findUnit(units: readonly CodingUnit[], entry: Disagreement): CodingUnit | undefined {
  return units.find((unit) => unit.study === entry.study && disagreementId(unit.key, entry.codes) === entry.id);
}
