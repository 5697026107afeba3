/**
 * The layers: `src/core/` is pure (no VS Code, no Node: it runs in a web worker), and
 * it never reaches up into `src/node/`, `src/vscode/`, `src/cli/` or the entry points.
 * Files are read with the TypeScript parser, so comments and strings never count.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import ts from 'typescript';

const SRC = path.resolve(__dirname, '../../../src');
const CORE = path.join(SRC, 'core');
/** The manifest is data, not a layer: `core/version.ts` reads the version from it when not bundled. */
const MANIFEST = path.resolve(SRC, '../package.json');

/** Node's globals (and its type namespace) that a web worker does not have. */
const NODE_GLOBALS = new Set(['Buffer', 'process', 'require', 'module', 'exports', '__dirname', '__filename', 'global', 'setImmediate', 'clearImmediate', 'NodeJS']);
const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, name.split('/')[0]]));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : [],
  );
}

/** A file's syntax tree, parsed once per file for all the checks. */
const parsed = new Map<string, ts.SourceFile>();
function syntaxOf(source: string): ts.SourceFile {
  let tree = parsed.get(source);
  if (!tree) parsed.set(source, (tree = ts.createSourceFile('file.ts', source, ts.ScriptTarget.Latest, true)));
  return tree;
}

/** Every module a source file imports, re-exports, `import()`s or `require()`s. */
export function importedModules(source: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) found.push(argument.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(syntaxOf(source));
  return found;
}

/** Uses of Node's globals: identifiers that are not a property name or a declaration's own name. */
export function nodeGlobalsUsed(source: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && NODE_GLOBALS.has(node.text) && !isOwnName(node)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(syntaxOf(source));
  return found;
}

/** `x.process`, `{ process: 1 }`, `const process = …`, `function f(process)`: not the global. */
function isOwnName(node: ts.Identifier): boolean {
  const parent = node.parent;
  if ((ts.isPropertyAccessExpression(parent) || ts.isQualifiedName(parent)) && (ts.isPropertyAccessExpression(parent) ? parent.name : parent.right) === node) return true;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent) || ts.isMethodSignature(parent)) && parent.name === node) return true;
  if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent) || ts.isClassDeclaration(parent) || ts.isBindingElement(parent)) && parent.name === node) return true;
  return false;
}

/** The Node modules among a file's imports (`node:*` and bare builtins such as `fs`, `fs/promises`). */
export function nodeModulesImported(source: string): string[] {
  return importedModules(source).filter((name) => name.startsWith('node:') || NODE_BUILTINS.has(name));
}

describe('layering', () => {
  const files = filesUnder(CORE);
  const sources = new Map<string, string>();
  const offenders = (problems: (source: string, file: string) => string[]): string[] =>
    files.flatMap((file) => problems(sources.get(file)!, file).map((problem) => `${path.relative(SRC, file)}: ${problem}`));

  before(function () {
    this.timeout(30_000); // parsing ~150 files with TypeScript takes a second or more on a busy machine
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      sources.set(file, source);
      syntaxOf(source);
    }
  });

  it('finds the core files', () => assert.ok(files.length > 10));

  it('src/core never imports vscode', () => {
    assert.deepEqual(
      offenders((source) => importedModules(source).filter((name) => name === 'vscode')),
      [],
    );
  });

  it('src/core never imports a Node module (node:*, fs, path, child_process, worker_threads, crypto …)', () => {
    assert.deepEqual(offenders(nodeModulesImported), []);
  });

  it("src/core never uses Node's globals (Buffer, process, require, __dirname, NodeJS types …)", () => {
    assert.deepEqual(offenders(nodeGlobalsUsed), []);
  });

  it('src/core never imports the layers above it (src/node, src/vscode, src/cli, the entry points)', () => {
    const above = (name: string, file: string): boolean => {
      if (!name.startsWith('.')) return false;
      const target = path.resolve(path.dirname(file), name);
      return target !== CORE && !target.startsWith(CORE + path.sep) && target !== MANIFEST;
    };
    assert.deepEqual(
      offenders((source, file) => importedModules(source).filter((name) => above(name, file))),
      [],
    );
  });

  describe('the checks themselves', () => {
    it('find Node and VS Code imports in every form, and nothing in comments or strings', () => {
      const source = [
        "import { readFile } from 'node:fs';",
        "import * as path from 'path';",
        "import type { Worker } from 'worker_threads';",
        "export { spawn } from 'child_process';",
        "const zlib = require('zlib');",
        "const later = await import('fs/promises');",
        "type T = import('node:buffer').Buffer;",
        "import * as vscode from 'vscode';",
        "import picomatch from 'picomatch';",
        "// import { x } from 'node:os';",
        "const text = \"from 'crypto'\";",
      ].join('\n');
      assert.deepEqual(nodeModulesImported(source), ['node:fs', 'path', 'worker_threads', 'child_process', 'zlib', 'fs/promises', 'node:buffer']);
      assert.ok(importedModules(source).includes('vscode'));
    });

    it("find Node's globals, not properties, declarations or comments of the same name", () => {
      const source = [
        'const bytes = Buffer.from("a");',
        'const home = process.env.HOME;',
        'const dir = __dirname;',
        'let timer: NodeJS.Timeout;',
        'const x = { process: 1, Buffer: 2 };',
        'x.process;',
        'function f(process: number) { return process; }',
        '// Buffer and process in a comment',
        'const s = "require(fs)";',
      ].join('\n');
      // A parameter's own name is skipped, its uses are not (conservative: core avoids such names).
      assert.deepEqual(nodeGlobalsUsed(source), ['Buffer', 'process', '__dirname', 'NodeJS', 'process']);
    });
  });
});
