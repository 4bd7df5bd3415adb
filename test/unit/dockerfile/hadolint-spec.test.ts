/**
 * Agreement with hadolint, case by case, on hadolint's own test suite (../shared/corpus/hadolint-spec):
 * for every case whose DL code one of our rules carries, `ruleCatches` must produce a finding carrying
 * that code and `ruleCatchesNot` none. `onBuild*` cases run with every RUN wrapped in ONBUILD, as
 * hadolint's helper does. (hadolint's `onBuildRuleCatches` wants exactly one failure; ours report each
 * offending token, so at least one counts, as for `ruleCatches`.)
 *
 * Every case where we disagree is listed in hadolint-spec-disagreements.json with the reason; the test
 * fails on a disagreement not listed there and on a listed one that now agrees (so the list stays true).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintDockerfile, dockerfileRules } from '../../../src/core/dockerfile';
import type { CheckOptions } from '../../../src/core/config/options';
import { readHadolintSpec, wrapRunsInOnbuild, type SpecCase } from './hadolint-spec-cases';
import { REPO_ROOT, sharedPath } from '../shared-data';

/** The overall agreement reached (938/960 = 97.7%; every remaining case is kept on purpose); it may only go up. */
const FLOOR = 938 / 960;

const known = JSON.parse(readFileSync(join(REPO_ROOT, 'test/unit/dockerfile/hadolint-spec-disagreements.json'), 'utf8')) as Record<string, string>;
const cases = readHadolintSpec(sharedPath('corpus/hadolint-spec'));
const mapped = new Set(dockerfileRules.flatMap((r) => r.meta.aliases ?? []).filter((a) => /^DL\d{4}$/.test(a)));

export const caseKey = (c: SpecCase): string => `${c.file}:${c.line}`;

function optionsFor(c: SpecCase): CheckOptions {
  return c.config.allowedRegistries ? { trustedRegistries: c.config.allowedRegistries } : {};
}

/** Whether our linter agrees with hadolint on this case. */
export function agrees(c: SpecCase): boolean {
  const text = c.kind.startsWith('onBuild') ? wrapRunsInOnbuild(c.dockerfile) : c.dockerfile;
  const fired = lintDockerfile(text, optionsFor(c)).some((d) => d.aliases?.includes(c.code));
  return c.kind === 'ruleCatches' || c.kind === 'onBuildRuleCatches' ? fired : !fired;
}

test('hadolint spec: every case is read', () => {
  // Counted from the files when the suite was pinned; a reader regression shows up here first.
  assert.equal(cases.length, 1030);
  const notCodes = cases.filter((c) => !/^DL\d{4}$/.test(c.code)).map(caseKey);
  // hadolint's own typo: the code argument is "FROM scratch\nDL3045", so that case tests nothing.
  assert.deepEqual(notCodes, ['DL3045Spec.hs:35']);
});

test('hadolint spec: agreement on every mapped code', () => {
  const perCode = new Map<string, { agree: number; total: number }>();
  const disagreements: string[] = [];
  for (const c of cases) {
    if (!mapped.has(c.code)) continue;
    const entry = perCode.get(c.code) ?? { agree: 0, total: 0 };
    perCode.set(c.code, entry);
    entry.total++;
    if (agrees(c)) entry.agree++;
    else disagreements.push(caseKey(c));
  }
  const total = [...perCode.values()].reduce((n, e) => n + e.total, 0);
  const agree = [...perCode.values()].reduce((n, e) => n + e.agree, 0);
  const unmapped = [...new Set(cases.map((c) => c.code).filter((c) => /^DL\d{4}$/.test(c) && !mapped.has(c)))].sort();
  const rows = [...perCode].sort(([a], [b]) => a.localeCompare(b)).map(([code, e]) => `${code} ${e.agree}/${e.total}`);
  console.log(`hadolint spec: ${agree} of ${total} mapped cases agree (${((100 * agree) / total).toFixed(1)}%)`);
  console.log(`  per code: ${rows.join(', ')}`);
  console.log(`  codes we do not map: ${unmapped.join(', ') || 'none'}`);

  const unexplained = disagreements.filter((k) => !(k in known));
  const fixed = Object.keys(known).filter((k) => !disagreements.includes(k));
  const show = (keys: string[]) => keys.map((k) => `${k} ${JSON.stringify(cases.find((c) => caseKey(c) === k))}`).join('\n');
  assert.deepEqual(unexplained, [], `disagreements not listed in hadolint-spec-disagreements.json:\n${show(unexplained)}`);
  assert.deepEqual(fixed, [], 'listed disagreements that now agree: remove them from the list');
  for (const [key, reason] of Object.entries(known)) assert.ok(reason.trim().length > 10, `${key}: give the reason`);
  assert.ok(agree / total >= FLOOR, `agreement ${agree}/${total} under the floor ${FLOOR}`);
});
