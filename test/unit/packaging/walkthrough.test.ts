/**
 * The getting-started walkthrough stays true: its media exist, its buttons run commands that exist, the
 * snippet prefixes and CLI commands it names are real, and its examples produce the findings it describes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { lintDockerfile } from '../../../src/core/dockerfile';
import { REPO_ROOT } from '../shared-data';

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
interface Step {
  id: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents?: string[];
}
const steps: Step[] = manifest.contributes.walkthroughs.flatMap((w: { steps: Step[] }) => w.steps);
const markdown = (step: Step) => readFileSync(join(REPO_ROOT, step.media.markdown!), 'utf8');
/** VS Code's own commands the walkthrough uses; everything else must be ours. */
const BUILT_IN = new Set(['workbench.action.files.newUntitledFile', 'workbench.action.openSettings']);
const ours = new Set((manifest.contributes.commands as { command: string }[]).map((c) => c.command));

test('the walkthrough lints a Dockerfile, validates a manifest, renders a chart and points to other editors', () => {
  assert.deepEqual(steps.map((s) => s.id), ['lintDockerfile', 'validateManifest', 'renderChart', 'otherEditors']);
  for (const step of steps) assert.ok(step.media.markdown && existsSync(join(REPO_ROOT, step.media.markdown)), step.id);
});

test('every button and completion event names a command that exists, with JSON arguments', () => {
  for (const step of steps) {
    for (const [, command, args] of `${step.description}\n${markdown(step)}`.matchAll(/\(command:([\w.]+)(?:\?([^)]*))?\)/g)) {
      assert.ok(ours.has(command) || BUILT_IN.has(command), `${step.id}: ${command}`);
      if (args) JSON.parse(decodeURIComponent(args));
    }
    for (const event of step.completionEvents ?? []) {
      const command = /^onCommand:(.+)$/.exec(event)?.[1];
      if (command) assert.ok(ours.has(command) || BUILT_IN.has(command), `${step.id}: ${event}`);
      else assert.match(event, /^(onStepSelected|onLink:|onView:|onSettingChanged:|onContext:|extensionInstalled:)/);
    }
  }
});

test('the snippet prefixes it names exist', () => {
  const prefixes = new Set(
    readdirSync(join(REPO_ROOT, 'snippets')).flatMap((f) => Object.values(JSON.parse(readFileSync(join(REPO_ROOT, 'snippets', f), 'utf8')) as { prefix: string[] }[]).flatMap((s) => s.prefix)),
  );
  for (const step of steps) {
    for (const [prefix] of `${step.description}\n${markdown(step)}`.matchAll(/\bss-[a-z0-9-]*[a-z0-9]/g)) assert.ok(prefixes.has(prefix), `${step.id}: ${prefix}`);
  }
});

const example = (step: string, language: string) => {
  const m = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(markdown(steps.find((s) => s.id === step)!));
  assert.ok(m, `${step} has a ${language} example`);
  return m[1];
};

test('the Dockerfile example gets the findings the text lists', () => {
  const rules = new Set(lintDockerfile(example('lintDockerfile', 'dockerfile')).map((d) => d.rule));
  for (const rule of ['no-latest-tag', 'apt-get-yes', 'apt-no-install-recommends', 'missing-user', 'exec-form-cmd']) assert.ok(rules.has(rule), rule);
});

test('the manifest example gets the findings its comments point at', () => {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-walkthrough-'));
  writeFileSync(join(root, 'deploy.yaml'), example('validateManifest', 'yaml'));
  let out = '';
  main(['check', join(root, 'deploy.yaml'), '--format', 'json'], { out: (s) => (out += s), err: (s) => (out += s) });
  const found = (JSON.parse(out) as { line: number; rule: string }[]).map((f) => `${f.line} ${f.rule}`);
  for (const expected of ['6 k8s-schema']) assert.ok(found.includes(expected), `${expected} in ${found.join(', ')}`);
  assert.ok(found.some((f) => f.endsWith(' k8s-selector-mismatch')), found.join(', '));
});

test('the CLI commands it names exist', () => {
  let usage = '';
  main(['--help'], { out: (s) => (usage += s), err: (s) => (usage += s) });
  const named = new Set([...markdown(steps.find((s) => s.id === 'otherEditors')!).matchAll(/\bshipshape (check|render|rules|lsp)\b/g)].map((m) => m[1]));
  assert.ok(named.has('check') && named.has('render'));
  for (const command of named) assert.ok(usage.includes(`shipshape ${command}`), command);
});
