/** Shared helpers of the REFI-QDA tests: schema validation, fixtures, hand-made archives. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { NodeReviewHost } from '../../../src/node/nodeHost';
import { loadReview, type Review } from '../../../src/core/review';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
/** The official schemas and sample projects, outside the repository (`../shared`). */
export const SCHEMA_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'refi-qda');
export const SAMPLES_DIR = path.join(SCHEMA_DIR, 'samples');
export const FIXTURE = path.resolve(__dirname, '../../fixtures/refi/review-tricky');
export const DEMO = path.resolve(REPO_ROOT, 'examples/peer-support');

let xmllintAvailable: boolean | undefined;

/** Skips the test, saying why, unless the schemas and xmllint are there. */
export function requireSchemas(context: Mocha.Context): void {
  if (!existsSync(path.join(SCHEMA_DIR, 'Project.xsd'))) {
    console.log(`      skipped: the REFI-QDA schemas are not at ${SCHEMA_DIR} (a clone without ../shared)`);
    context.skip();
  }
  xmllintAvailable ??= spawnSync('xmllint', ['--version']).status === 0;
  if (!xmllintAvailable) {
    console.log('      skipped: xmllint is not installed (apt-get install libxml2-utils)');
    context.skip();
  }
}

/** Skips the test unless a sample project is there; returns its path. */
export function requireSample(context: Mocha.Context, name: string): string {
  const file = path.join(SAMPLES_DIR, name);
  if (!existsSync(file)) {
    console.log(`      skipped: sample ${file} is not there (a clone without ../shared)`);
    context.skip();
  }
  return file;
}

/** Validates XML text against Codebook.xsd or Project.xsd with xmllint. */
export function validate(xml: string, schema: 'Codebook.xsd' | 'Project.xsd'): { ok: boolean; output: string } {
  const dir = tempDir();
  const file = path.join(dir, schema === 'Codebook.xsd' ? 'codebook.qdc' : 'project.qde');
  writeFileSync(file, xml);
  const result = spawnSync('xmllint', ['--noout', '--schema', path.join(SCHEMA_DIR, schema), file], { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

const made: string[] = [];
after(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A temporary folder removed after the run. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'qualsynth-refi-'));
  made.push(dir);
  return dir;
}

/** Loads a review folder. */
export function openReview(dir: string): Promise<Review> {
  return loadReview(new NodeReviewHost(dir));
}

/** The demo review when it is there (studies written), else the fixture. */
export function demoOrFixture(): string {
  const studies = path.join(DEMO, 'studies');
  return existsSync(studies) && readdirSync(studies).some((name) => name.endsWith('.md')) ? DEMO : FIXTURE;
}

/** A `.qdpx` made by hand: a project XML and source files. */
export function qdpx(projectXml: string, sources: Record<string, string> = {}, qdeName = 'project.qde'): Uint8Array {
  const files: Zippable = { [qdeName]: new TextEncoder().encode(projectXml) };
  for (const [name, text] of Object.entries(sources)) files[`sources/${name}`] = new TextEncoder().encode(text);
  return zipSync(files);
}

/**
 * A minimal project: codes and text sources as XML fragments. Made by "QualSynth
 * (hand-made)" unless told, so its texts are read as Markdown; any other origin's as
 * plain text.
 */
export function project(codes: string, sources: string, extra = '', origin = 'QualSynth (hand-made)'): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="Hand-made" origin="${origin}"><CodeBook><Codes>${codes}</Codes></CodeBook>${extra}<Sources>${sources}</Sources></Project>`;
}

/** A GUID for hand-made projects: `g(1)` → `00000000-0000-0000-0000-000000000001`. */
export function g(n: number): string {
  return `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;
}
