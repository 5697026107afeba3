/**
 * `npx tsx test/bench/hostile.ts`: time and peak memory of `qualsynth check` (the built
 * `dist/cli.js`, one fresh process per case) on each hostile review of issue 17, printed
 * as the Markdown table of the README's Reliability section. Peak memory is the child's
 * maximum resident set (`process.resourceUsage().maxRSS`); a case that takes over 60 s is
 * killed and shown as such.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const PRELOAD = path.join(__dirname, 'peakMemory.cjs');

type Setup = (review: string, outside: string) => void;

const write = (file: string, text: string | Buffer): void => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};
const bomb = (levels: number): string => {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
  for (let level = 1; level < levels; level++) lines.push(`a${level}: &a${level} [${Array(9).fill(`*a${level - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\nreviewers: *a${levels - 1}\n`;
};
const spans = (count: number): string => `${Array.from({ length: count }, (_, i) => `[w${i}]{#a}`).join(' ')}\n`;

const CASES: Array<[string, Setup, string[]?]> = [
  ['a clean review (baseline)', () => undefined],
  ['a study linked to a file outside', (review, outside) => symlinkSync(path.join(outside, 'id_rsa'), path.join(review, 'studies/zz.md'))],
  ['`studies/` a link to a folder outside', (review, outside) => {
    rmSync(path.join(review, 'studies'), { recursive: true });
    symlinkSync(outside, path.join(review, 'studies'));
  }],
  ['`qualsynth.yaml` a link to `/dev/zero`', (review) => symlinkSync('/dev/zero', path.join(review, 'qualsynth.yaml'))],
  ['`codebook.md` a link to `/dev/zero`', (review) => {
    rmSync(path.join(review, 'codebook.md'));
    symlinkSync('/dev/zero', path.join(review, 'codebook.md'));
  }],
  ['`codebook.md` a FIFO', (review) => {
    rmSync(path.join(review, 'codebook.md'));
    execFileSync('mkfifo', [path.join(review, 'codebook.md')]);
  }],
  ['`qualsynth.yaml` a FIFO', (review) => execFileSync('mkfifo', [path.join(review, 'qualsynth.yaml')])],
  ['a study of 64 MiB + 1 byte', (review) => {
    writeFileSync(path.join(review, 'studies/huge.md'), '');
    truncateSync(path.join(review, 'studies/huge.md'), 64 * 1024 * 1024 + 1);
  }],
  ['alias bomb in `qualsynth.yaml`, 9 levels (331 bytes)', (review) => write(path.join(review, 'qualsynth.yaml'), bomb(9))],
  ['alias bomb in `qualsynth.yaml`, 12 levels', (review) => write(path.join(review, 'qualsynth.yaml'), bomb(12))],
  ['a file name with a newline and `::error::`', (review) => write(path.join(review, 'studies/x\n::error file=a::pwned\n.md'), 'A ]{#fine} stray.\n')],
  ['conflict markers in `codebook.md`', (review) => write(path.join(review, 'codebook.md'), '# Theme\n<<<<<<< HEAD\n- #fine: ours\n=======\n- #fine: theirs\n>>>>>>> branch\n')],
  ['a codebook of 30,000 codes', (review) => write(path.join(review, 'codebook.md'), `# T\n${Array.from({ length: 30_000 }, (_, i) => `- #c${i}: d`).join('\n')}\n`)],
  ['a codebook of 30,000 headings', (review) => write(path.join(review, 'codebook.md'), `${Array.from({ length: 30_000 }, (_, i) => `# H${i}\n- #c${i}: d`).join('\n')}\n`)],
  ['100,000 spans in one paragraph', (review) => write(path.join(review, 'studies/long.md'), spans(100_000))],
  ['100,000 spans in one paragraph, `index --json`', (review) => write(path.join(review, 'studies/long.md'), spans(100_000)), ['index', '--json']],
  ['11 MB single-line study, 800,000 spans, `index --json`', (review) => write(path.join(review, 'studies/long.md'), spans(800_000)), ['index', '--json']],
];

function runCase(name: string, setup: Setup, command: string[] = ['check']): string {
  const base = mkdtempSync(path.join(tmpdir(), 'qualsynth-hostile-'));
  const review = path.join(base, 'review');
  const outside = path.join(base, 'outside');
  try {
    write(path.join(review, 'codebook.md'), '# Theme\n- #fine: A code.\n- #a: Another.\n');
    write(path.join(review, 'studies/good.md'), '---\nid: good\n---\nA [coded passage]{#fine}.\n');
    write(path.join(outside, 'id_rsa'), 'PRIVATE KEY\n');
    setup(review, outside);
    const started = performance.now();
    const run = spawnSync(process.execPath, ['-r', PRELOAD, CLI, ...command, review], { encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 30 });
    const seconds = (performance.now() - started) / 1000;
    const peak = /peak-rss-kb (\d+)/.exec(run.stderr ?? '');
    const exit = run.signal ? `killed (${run.signal})` : String(run.status);
    return `| ${name} | \`${command.join(' ')}\` | ${exit} | ${seconds.toFixed(2)} s | ${peak ? `${Math.round(Number(peak[1]) / 1024)} MB` : '—'} |`;
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

console.log('| hostile case | command | exit | time | peak memory |\n| --- | --- | --- | --- | --- |');
for (const [name, setup, command] of CASES) console.log(runCase(name, setup, command));
