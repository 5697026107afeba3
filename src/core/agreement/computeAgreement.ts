/**
 * Inter-coder agreement between two or more coders' versions of the same studies.
 * Units (blocks, or characters of blocks) are matched across coders by study id and
 * text; a unit missing from a coder's version is missing data for that coder. Each code
 * is a binary variable (applied or not); the overall figures pool every (unit, code)
 * decision. Statistics come with and without the units nobody coded with any code.
 */
import { compareText } from '../text/compareText';
import { shortenPassage } from '../diff/passage';
import { disagreementId } from './disagreementId';
import { AGREEMENT_SCHEMA_VERSION, type AgreementReport, type AgreementUnitKind, type Disagreement } from './agreementModel';
import { mergeRanges } from '../text/ranges';
import type { CharRange, CodingUnit } from './codingUnits';
import { NominalAgreement } from './statistics';

/** One coder's name and coding units. */
export interface CoderUnits {
  readonly name: string;
  readonly units: readonly CodingUnit[];
}

/** A unit as each coder has it (`undefined` where a coder's version lacks it). */
interface AlignedUnit {
  readonly present: ReadonlyArray<CodingUnit | undefined>;
  readonly first: CodingUnit;
}

type Accumulators = { all: NominalAgreement; coded: NominalAgreement };

/** Computes the agreement of `coders` (two or more) with units of the given kind. */
export function computeAgreement(coders: readonly CoderUnits[], unit: AgreementUnitKind = 'block'): AgreementReport {
  if (coders.length < 2) throw new Error('Inter-coder agreement needs at least two coders.');
  const aligned = alignUnits(coders);
  const codes = [...new Set(aligned.flatMap((entry) => entry.present.flatMap((item) => [...(item?.coverage.keys() ?? [])])))].sort(compareText);
  const accumulators = (): Accumulators => ({ all: new NominalAgreement(coders.length), coded: new NominalAgreement(coders.length) });
  const state = {
    overall: accumulators(),
    perCode: new Map(codes.map((code) => [code, { ...accumulators(), applied: coders.map(() => 0) }])),
    disagreements: [] as Disagreement[],
    units: { total: 0, coded: 0, incomplete: 0 },
  };
  for (const entry of aligned) (unit === 'char' ? addCharUnit : addBlockUnit)(entry, codes, state);
  return {
    version: AGREEMENT_SCHEMA_VERSION,
    unit,
    coders: coders.map((coder) => coder.name),
    units: state.units,
    overall: { all: state.overall.all.result(), coded: state.overall.coded.result() },
    codes: codes.map((code) => {
      const entry = state.perCode.get(code)!;
      return { code, all: entry.all.result(), coded: entry.coded.result(), applied: entry.applied };
    }),
    disagreements: state.disagreements.sort((a, b) => compareText(a.study, b.study) || a.line - b.line || compareText(a.codes.join(), b.codes.join())),
  };
}

type State = {
  overall: Accumulators;
  perCode: Map<string, Accumulators & { applied: number[] }>;
  disagreements: Disagreement[];
  units: { total: number; coded: number; incomplete: number };
};

function alignUnits(coders: readonly CoderUnits[]): AlignedUnit[] {
  const byKey = new Map<string, Array<CodingUnit | undefined>>();
  coders.forEach((coder, index) => {
    for (const item of coder.units) {
      let present = byKey.get(item.key);
      if (!present) byKey.set(item.key, (present = coders.map(() => undefined)));
      present[index] = item;
    }
  });
  return [...byKey.values()]
    .map((present) => ({ present, first: present.find((item) => item !== undefined)! }))
    .sort((a, b) => compareText(a.first.study, b.first.study) || a.first.line - b.first.line || compareText(a.first.key, b.first.key));
}

/** Block unit: each code is applied to the block or not. */
function addBlockUnit(entry: AlignedUnit, codes: readonly string[], state: State): void {
  const anyCoded = entry.present.some((item) => item !== undefined && item.coverage.size > 0);
  countUnit(entry, 1, anyCoded ? 1 : 0, state);
  const disputed: string[] = [];
  for (const code of codes) {
    const values = entry.present.map((item) => (item === undefined ? undefined : item.coverage.has(code) ? 1 : 0));
    add(state, code, values, 1, anyCoded);
    if (isDisputed(values)) disputed.push(code);
  }
  if (disputed.length === 0) return;
  state.disagreements.push({
    id: disagreementId(entry.first.key, disputed),
    ...where(entry),
    excerpt: shortenPassage(entry.first.text),
    codes: disputed,
    byCoder: entry.present.map((item) => (item === undefined ? null : [...item.coverage.keys()].sort(compareText))),
  });
}

/** Char unit: each character of the block is covered by each code or not. */
function addCharUnit(entry: AlignedUnit, codes: readonly string[], state: State): void {
  const length = entry.first.text.length;
  const clamp = (ranges: readonly CharRange[]): CharRange[] => ranges.map(([start, end]): CharRange => [Math.min(start, length), Math.min(end, length)]).filter(([start, end]) => end > start);
  const anyCoded = mergeRanges(entry.present.flatMap((item) => (item ? clamp([...item.coverage.values()].flat()) : [])));
  const codedLength = anyCoded.reduce((sum, [start, end]) => sum + end - start, 0);
  countUnit(entry, length, codedLength, state);
  for (const code of codes) {
    const ranges = entry.present.map((item) => (item === undefined ? undefined : clamp(item.coverage.get(code) ?? [])));
    if (ranges.every((list) => list === undefined || list.length === 0)) {
      const zeros = ranges.map((list) => (list === undefined ? undefined : 0));
      add(state, code, zeros, codedLength, true);
      add(state, code, zeros, length - codedLength, false);
      continue;
    }
    const cuts = [...new Set([0, length, ...anyCoded.flat(), ...ranges.flatMap((list) => (list ?? []).flat())])].sort((a, b) => a - b);
    let stretch: { start: number; end: number; values: string } | undefined;
    const flush = (): void => {
      if (stretch) state.disagreements.push(charDisagreement(entry, code, stretch.start, stretch.end, ranges));
      stretch = undefined;
    };
    for (let index = 0; index + 1 < cuts.length; index++) {
      const [start, end] = [cuts[index], cuts[index + 1]];
      const values = ranges.map((list) => (list === undefined ? undefined : covers(list, start) ? 1 : 0));
      add(state, code, values, end - start, covers(anyCoded, start));
      if (!isDisputed(values)) flush();
      else if (stretch && stretch.end === start && stretch.values === values.join()) stretch.end = end;
      else {
        flush();
        stretch = { start, end, values: values.join() };
      }
    }
    flush();
  }
}

function charDisagreement(entry: AlignedUnit, code: string, start: number, end: number, ranges: ReadonlyArray<readonly CharRange[] | undefined>): Disagreement {
  return {
    id: disagreementId(`${entry.first.key}\u0000${start}`, [code]),
    ...where(entry),
    excerpt: shortenPassage(entry.first.text.slice(start, end)),
    codes: [code],
    byCoder: ranges.map((list) => (list === undefined ? null : covers(list, start) ? [code] : [])),
  };
}

function countUnit(entry: AlignedUnit, size: number, codedSize: number, state: State): void {
  state.units.total += size;
  state.units.coded += codedSize;
  if (entry.present.some((item) => item === undefined)) state.units.incomplete += size;
}

function add(state: State, code: string, values: ReadonlyArray<number | undefined>, weight: number, coded: boolean): void {
  if (weight <= 0) return;
  const perCode = state.perCode.get(code)!;
  for (const target of [perCode, state.overall]) {
    target.all.add(values, weight);
    if (coded) target.coded.add(values, weight);
  }
  values.forEach((value, index) => {
    if (value === 1) perCode.applied[index] += weight;
  });
}

/** True when at least two coders have the unit and they do not all agree. */
function isDisputed(values: ReadonlyArray<number | undefined>): boolean {
  const present = values.filter((value) => value !== undefined);
  return present.length >= 2 && present.some((value) => value !== present[0]);
}

function covers(ranges: readonly CharRange[], offset: number): boolean {
  return ranges.some(([start, end]) => start <= offset && offset < end);
}

function where(entry: AlignedUnit): Pick<Disagreement, 'study' | 'path' | 'line'> {
  return { study: entry.first.study, path: entry.first.path, line: entry.first.line };
}
