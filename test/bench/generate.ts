/**
 * `npm run bench:gen -- --studies N --size KB --codes C --seed S --out DIR`: writes a
 * synthetic review (deterministic for a seed) for benchmarks and manual testing.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_REVIEW, generateReview, writeReview } from './reviewGenerator';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      studies: { type: 'string', default: String(DEFAULT_REVIEW.studies) },
      size: { type: 'string', default: String(DEFAULT_REVIEW.sizeKB) },
      codes: { type: 'string', default: String(DEFAULT_REVIEW.codes) },
      seed: { type: 'string', default: String(DEFAULT_REVIEW.seed) },
      out: { type: 'string' },
    },
  });
  if (!values.out) throw new Error('--out DIR is required: the folder to write the review into.');
  const options = {
    studies: positiveNumber('studies', values.studies),
    sizeKB: positiveNumber('size', values.size),
    codes: positiveNumber('codes', values.codes),
    seed: positiveNumber('seed', values.seed),
  };
  const started = performance.now();
  const bytes = await writeReview(values.out, generateReview(options));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Wrote ${options.studies} studies, ${(bytes / 1e6).toFixed(1)} MB, ${options.codes} codes (seed ${options.seed}) to ${values.out} in ${seconds} s.`);
}

function positiveNumber(name: string, value: string | undefined): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new Error(`--${name} must be a positive number, not \`${value}\`.`);
  return number;
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 2;
});
