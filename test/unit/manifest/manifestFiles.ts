/**
 * Reading the extension manifest (package.json, package.nls.json) and the sources it
 * refers to, for the checks that need no running VS Code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Absolute path of the repository root. */
export const ROOT = resolve(__dirname, '../../..');

/** A JSON value of the manifest. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The manifest as written (`%key%` placeholders not replaced). */
export function readManifest(): Record<string, any> {
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
}

/** The English strings of the manifest's `%key%` placeholders. */
export function readNls(): Record<string, string> {
  return JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8'));
}

/** vsce's (and VS Code's) placeholder form: the whole string is `%key%`. */
export const PLACEHOLDER = /^%([\w.]+)%$/;

/** Every string value of a JSON tree, with its path (`contributes.commands.3.title`). */
export function* strings(value: Json, path: string[] = []): Generator<{ path: string; value: string }> {
  if (typeof value === 'string') yield { path: path.join('.'), value };
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* strings(item, [...path, String(index)]);
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* strings(item, [...path, key]);
}

/**
 * The context keys a `when` clause reads: the left-hand identifier of every term
 * (`a == b`, `a =~ /re/`, `!a`, `a`), not the values compared with.
 */
export function contextKeys(when: string): string[] {
  const withoutLiterals = when.replace(/=~\s*\/(?:\\.|[^/\\])*\/[a-z]*/g, ' ').replace(/'[^']*'|"[^"]*"/g, ' ');
  const keys: string[] = [];
  for (const term of withoutLiterals.split(/&&|\|\||[()!]/)) {
    const key = /^\s*([A-Za-z_][\w.:-]*)/.exec(term)?.[1];
    if (key && key !== 'true' && key !== 'false') keys.push(key);
  }
  return keys;
}

/** Every `when` and `enablement` clause of the manifest, with where it is. */
export function whenClauses(manifest: Record<string, any>): Array<{ path: string; when: string }> {
  return [...strings(manifest.contributes)]
    .filter(({ path }) => /(^|\.)(when|enablement)$/.test(path))
    .map(({ path, value }) => ({ path, when: value }));
}

/** The TypeScript sources under `src/`, by path relative to the root. */
export function sourceFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith('.ts')) files.set(path, readFileSync(join(ROOT, path), 'utf8'));
    }
  };
  walk('src');
  return files;
}

/** `command:id` and `command:id?args` links in a Markdown string, as command ids. */
export function commandLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(command:([\w.-]+)/g)].map((match) => match[1]);
}
