/**
 * The PRISMA 2020 flow must add up: records identified minus those removed before
 * screening are the records screened; screened minus excluded are the reports sought;
 * sought minus not retrieved are the reports assessed; assessed minus the reports
 * excluded (on both paths) are the reports of the included studies, which are at least
 * as many as the studies. A check runs only when all of its counts are given.
 */
import type { CountBreakdown, PrismaCounts } from './protocol';
import { dotted, type ProtocolProblem } from './parseProtocol';
import type { YamlPathStep } from './yamlLines';

const AT: readonly YamlPathStep[] = ['protocol', 'prisma'];

/** The count problems of a PRISMA flow, each at the count that the others contradict. */
export function checkPrisma(prisma: PrismaCounts): ProtocolProblem[] {
  const problems: ProtocolProblem[] = [];
  const mismatch = (key: readonly YamlPathStep[], stated: number, expected: number, how: string): void => {
    if (stated === expected) return;
    problems.push({ path: [...AT, ...key], severity: 'error', message: `PRISMA 2020 counts do not add up: \`${dotted([...AT, ...key])}\` is ${stated}, but ${how} is ${expected}. Correct this count or the ones it is computed from.` });
  };
  const identified = sum(prisma.databases?.total, prisma.registers?.total ?? (prisma.databases ? 0 : undefined));
  const removed = sum(prisma.duplicates, prisma.automation ?? 0, prisma.otherRemoved ?? 0);
  if (identified !== undefined && removed !== undefined && prisma.screened !== undefined) {
    mismatch(['screened'], prisma.screened, identified - removed, `${identified} records identified minus ${removed} removed before screening`);
  }
  if (prisma.screened !== undefined && prisma.excluded !== undefined && prisma.sought !== undefined) {
    mismatch(['sought'], prisma.sought, prisma.screened - prisma.excluded, `${prisma.screened} records screened minus ${prisma.excluded} excluded`);
  }
  if (prisma.sought !== undefined && prisma.notRetrieved !== undefined && prisma.assessed !== undefined) {
    mismatch(['assessed'], prisma.assessed, prisma.sought - prisma.notRetrieved, `${prisma.sought} reports sought minus ${prisma.notRetrieved} not retrieved`);
  }
  const other = prisma.otherMethods;
  if (other?.sought !== undefined && other.notRetrieved !== undefined && other.assessed !== undefined) {
    mismatch(['otherMethods', 'assessed'], other.assessed, other.sought - other.notRetrieved, `${other.sought} reports sought by other methods minus ${other.notRetrieved} not retrieved`);
  }
  const fromDatabases = remaining(prisma.assessed, prisma.reportsExcluded);
  const fromOther = other ? remaining(other.assessed, other.reportsExcluded) : 0;
  if (fromDatabases !== undefined && fromOther !== undefined && prisma.includedReports !== undefined) {
    const how = other ? `reports assessed minus reports excluded, on both paths (${fromDatabases} + ${fromOther})` : `${prisma.assessed} reports assessed minus ${prisma.reportsExcluded!.total} excluded`;
    mismatch(['included', 'reports'], prisma.includedReports, fromDatabases + fromOther, how);
  }
  if (prisma.includedStudies !== undefined && prisma.includedReports !== undefined && prisma.includedStudies > prisma.includedReports) {
    problems.push({ path: [...AT, 'included', 'studies'], severity: 'error', message: `PRISMA 2020 counts do not add up: ${prisma.includedStudies} studies included from ${prisma.includedReports} reports; each included study has at least one report.` });
  }
  return problems;
}

/**
 * A warning when the included studies of the flow diagram are not the review's study
 * files (a study added or removed since the counts were written).
 */
export function checkIncludedStudies(prisma: PrismaCounts | undefined, studyFiles: number): ProtocolProblem[] {
  if (prisma?.includedStudies === undefined || prisma.includedStudies === studyFiles) return [];
  return [{ path: [...AT, 'included', 'studies'], severity: 'warning', message: `\`protocol.prisma.included.studies\`: the PRISMA flow diagram includes ${prisma.includedStudies} studies, but the review has ${studyFiles} study files: update the counts or the studies.` }];
}

function sum(...values: Array<number | undefined>): number | undefined {
  return values.some((value) => value === undefined) ? undefined : values.reduce<number>((total, value) => total + (value ?? 0), 0);
}

function remaining(assessed: number | undefined, excluded: CountBreakdown | undefined): number | undefined {
  return assessed === undefined || excluded === undefined ? undefined : assessed - excluded.total;
}
