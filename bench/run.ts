/**
 * `npm run bench`: runs every bench/*.bench.ts and *.bench.mjs (or those whose name contains an argument) one after
 * another in its own process, so that one benchmark's garbage and JIT state do not skew the next.
 * Each benchmark prints its own table. The .mjs ones spawn `shipshape` itself (bin/ and dist/): they
 * need `npm run build` first, and are skipped with a line saying so when dist/cli.js is missing.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const filters = process.argv.slice(2);
const benches = readdirSync(__dirname)
  .filter((f) => f.endsWith('.bench.ts') || f.endsWith('.bench.mjs'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n## ${file}\n`);
  if (file.endsWith('.mjs') && !existsSync(join(__dirname, '../dist/cli.js'))) {
    console.log('skipped: dist/cli.js is missing (run `npm run build` first).');
    continue;
  }
  const args = file.endsWith('.mjs') ? [join(__dirname, file)] : ['--expose-gc', '--import', 'tsx', join(__dirname, file)];
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
