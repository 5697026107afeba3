// The floor as a fresh process, for `npm run bench` (run.ts): read every file of the
// review in the folder given and count `#` followed by a letter (no Markdown
// awareness), as `qualsynth check` would be timed. Plain JavaScript, so nothing is
// compiled or transformed before it runs.
import { readFile, readdir } from 'node:fs/promises';
import * as nodePath from 'node:path';

const dir = process.argv[2];
const studies = (await readdir(nodePath.join(dir, 'studies'))).map((name) => nodePath.join(dir, 'studies', name));
const texts = await Promise.all([nodePath.join(dir, 'codebook.md'), ...studies].map((path) => readFile(path, 'utf8')));
const tagLike = /#\p{L}[\p{L}\p{N}\p{M}_\-./]*/gu;
let count = 0;
for (const text of texts) count += text.match(tagLike)?.length ?? 0;
console.log(count);
