/**
 * Runs a group of hostile cases in a child process with a heap limit and a timeout, so that a case that
 * hangs or blows up memory fails its test (naming the case) instead of taking the test runner down.
 * The child (child.ts) runs each case, times it, and prints one JSON line per case.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { cases, type HostileCase } from './cases';

/** Heap for the whole child: a bounded case needs far less; the blow-ups this guards against took 2 GB and more. */
const HEAP_MB = 768;

interface CaseResult {
  name: string;
  ms: number;
  outcome: unknown;
}

/** Runs every case of `group` and checks each one's outcome and time. */
export function runGroup(group: HostileCase['group']): void {
  const selected = cases.filter((c) => c.group === group);
  assert.ok(selected.length > 0, `no cases in group ${group}`);
  // Each case gets its budget twice over (a loaded CI machine), plus the child's start-up.
  const timeout = 15_000 + selected.reduce((sum, c) => sum + 2 * c.budgetMs, 0);
  const child = spawnSync(process.execPath, ['--import', 'tsx', `--max-old-space-size=${HEAP_MB}`, join(__dirname, 'child.ts'), group], {
    encoding: 'utf8',
    timeout,
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = child.stdout.split('\n');
  const started = lines.filter((l) => l.startsWith('START ')).map((l) => l.slice(6));
  const results = new Map<string, CaseResult>();
  for (const line of lines) {
    if (!line.startsWith('RESULT ')) continue;
    const r = JSON.parse(line.slice(7)) as CaseResult;
    results.set(r.name, r);
  }
  const running = started.find((name) => !results.has(name));
  assert.ok(
    child.status === 0 && running === undefined,
    `the child ${child.signal ? `was killed (${child.signal}, timeout ${timeout} ms)` : `exited with ${child.status}`}` +
      `${running ? ` while running "${running}"` : ''}: ${child.stderr.slice(-2000)}`,
  );
  const failures: string[] = [];
  for (const c of selected) {
    const r = results.get(c.name);
    if (!r) {
      failures.push(`${c.name}: no result`);
      continue;
    }
    try {
      assert.deepEqual(r.outcome, c.expect);
    } catch {
      failures.push(`${c.name}: got ${JSON.stringify(r.outcome).slice(0, 600)}, expected ${JSON.stringify(c.expect)}`);
    }
    if (r.ms > c.budgetMs) failures.push(`${c.name}: took ${r.ms} ms, budget ${c.budgetMs} ms`);
  }
  assert.deepEqual(failures, []);
}
