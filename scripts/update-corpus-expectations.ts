/**
 * Regenerates test/unit/dockerfile/corpus-expected.json: every finding of every Dockerfile rule on
 * every file of ../shared/corpus/dockerfiles, as `rule@line:col` (1-based). Review the diff by hand
 * before committing: a new finding on real-world files is a false positive until shown otherwise.
 *
 *   npx tsx scripts/update-corpus-expectations.ts
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lintDockerfileDetailed } from '../src/core/dockerfile';

const REPO_ROOT = resolve(__dirname, '..');
const CORPUS = resolve(process.env.SHIPSHAPE_SHARED ?? resolve(REPO_ROOT, '../shared'), 'corpus/dockerfiles');
const OUTPUT = join(REPO_ROOT, 'test/unit/dockerfile/corpus-expected.json');

export function corpusFindings(text: string): string[] {
  const result = lintDockerfileDetailed(text);
  if (result.ruleErrors.length) throw new Error(result.ruleErrors.map((e) => `${e.rule}: ${e.error.message}`).join('\n'));
  return result.diagnostics.map((d) => `${d.rule}@${d.range.start.line + 1}:${d.range.start.character + 1}`);
}

export function corpusFiles(): string[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.Dockerfile'))
    .sort();
}

export function readCorpusFile(name: string): string {
  return readFileSync(join(CORPUS, name), 'utf8');
}

if (require.main === module) {
  const expected: Record<string, string[]> = {};
  for (const file of corpusFiles()) expected[file] = corpusFindings(readCorpusFile(file));
  writeFileSync(OUTPUT, JSON.stringify(expected, null, 2) + '\n');
  const total = Object.values(expected).reduce((n, list) => n + list.length, 0);
  console.log(`${Object.keys(expected).length} files, ${total} findings -> ${OUTPUT}`);
}
