/**
 * `qualsynth setup-git [dir]` and "QualSynth: Set Up Team Merging": registers the
 * coding-aware merge driver for a review — `.gitattributes` lines in the review folder
 * and `merge.qualsynth.*` in the repository's local git config. A plan is made first
 * (and shown), then written; running it again changes nothing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { attributeLines, CONFIG_FILE, DRIVER_DESCRIPTION, DRIVER_NAME, driverCommand, type DriverProgram, parseConfig, withAttributeLines } from '../../core';
import { locateReview } from '../git/repository';
import { GitError, runGitText } from '../git/runGit';

/** What setting up git for a review writes, before it is written. */
export interface GitSetupPlan {
  /** The review folder (absolute). */
  readonly reviewDir: string;
  /** The repository's top folder. */
  readonly top: string;
  /** The `.gitattributes` file in the review folder, its lines for QualSynth, and those it lacks. */
  readonly attributesFile: string;
  readonly attributeLines: readonly string[];
  readonly attributesToAdd: readonly string[];
  /** The new `.gitattributes` text. */
  readonly attributesText: string;
  /** The local git config file and the driver settings it gets. */
  readonly configFile: string;
  readonly settings: ReadonlyArray<{ readonly key: string; readonly value: string; readonly current: string | undefined }>;
}

/** The plan for `reviewDir`, whose driver runs `program`. */
export async function planGitSetup(reviewDir: string, program: DriverProgram): Promise<GitSetupPlan> {
  const folder = nodePath.resolve(reviewDir);
  const location = await locateReview(folder);
  const configPath = nodePath.join(folder, CONFIG_FILE);
  const config = parseConfig(existsSync(configPath) ? readFileSync(configPath, 'utf8') : undefined).config;
  const lines = attributeLines(config);
  const attributesFile = nodePath.join(folder, '.gitattributes');
  const updated = withAttributeLines(existsSync(attributesFile) ? readFileSync(attributesFile, 'utf8') : undefined, lines);
  const commonDir = nodePath.resolve(location.top, await runGitText(['rev-parse', '--git-common-dir'], location.top));
  const wanted = [
    { key: `merge.${DRIVER_NAME}.name`, value: DRIVER_DESCRIPTION },
    { key: `merge.${DRIVER_NAME}.driver`, value: driverCommand(program) },
  ];
  const settings = await Promise.all(wanted.map(async (setting) => ({ ...setting, current: await localConfig(location.top, setting.key) })));
  return {
    reviewDir: folder,
    top: location.top,
    attributesFile,
    attributeLines: lines,
    attributesToAdd: updated.added,
    attributesText: updated.text,
    configFile: nodePath.join(commonDir, 'config'),
    settings,
  };
}

/** True when the plan would change nothing. */
export function planIsDone(plan: GitSetupPlan): boolean {
  return plan.attributesToAdd.length === 0 && plan.settings.every((setting) => setting.current === setting.value);
}

/** Writes what the plan says (only what is missing or different). */
export async function applyGitSetup(plan: GitSetupPlan): Promise<void> {
  if (plan.attributesToAdd.length > 0) writeFileSync(plan.attributesFile, plan.attributesText, 'utf8');
  for (const setting of plan.settings) {
    if (setting.current !== setting.value) await runGitText(['config', '--local', setting.key, setting.value], plan.top);
  }
}

/** The plan in words, as `setup-git` prints it and the editor command shows it. */
export function describePlan(plan: GitSetupPlan): string {
  const relative = (path: string): string => nodePath.relative(process.cwd(), path) || '.';
  const out = [`${relative(plan.attributesFile)}:`];
  for (const line of plan.attributeLines) out.push(`  ${line}${plan.attributesToAdd.includes(line) ? '' : '   (already there)'}`);
  out.push(`${relative(plan.configFile)} (this clone only):`);
  for (const setting of plan.settings) out.push(`  ${setting.key} = ${setting.value}${setting.current === setting.value ? '   (already set)' : ''}`);
  return out.join('\n');
}

/** A key of the repository's local config, or `undefined` when unset. */
async function localConfig(top: string, key: string): Promise<string | undefined> {
  try {
    return await runGitText(['config', '--local', '--get', key], top);
  } catch (error) {
    if (error instanceof GitError && error.exitCode === 1) return undefined;
    throw error;
  }
}
