/** `.shipshape.yaml` and `.hadolint.yaml` resolve to the same options, ours winning. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/core/config/load';

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-config-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

test('hadolint config: ignored, override, failure-threshold, trustedRegistries, disable-ignore-pragma', () => {
  const root = workspace({
    '.hadolint.yaml': 'ignored: [DL3008]\noverride:\n  error: [DL3007]\n  info: [DL3025]\nfailure-threshold: warning\ntrustedRegistries: [docker.io]\ndisable-ignore-pragma: true\n',
  });
  const { options, problems } = loadConfig(join(root));
  assert.deepEqual(problems, []);
  assert.equal(options.severity?.DL3008, 'off');
  assert.equal(options.severity?.DL3007, 'error');
  assert.equal(options.severity?.DL3025, 'info');
  assert.equal(options.failureThreshold, 'warning');
  assert.deepEqual(options.trustedRegistries, ['docker.io']);
  assert.equal(options.allowInlineIgnores, false);
});

test('shipshape config in a parent folder overrides hadolint config, and unknown keys are reported', () => {
  const root = workspace({
    '.hadolint.yaml': 'override:\n  error: [DL3007]\n',
    '.shipshape.yaml': 'rules:\n  DL3007: info\n  exec-form-cmd: off\ndisabled: [ssh-server]\nfailureThreshold: info\ncolour: blue\n',
    'app/Dockerfile': 'FROM node:latest\n',
  });
  const { options, problems, files } = loadConfig(join(root, 'app'));
  assert.equal(options.severity?.DL3007, 'info');
  assert.equal(options.severity?.['exec-form-cmd'], 'off');
  assert.equal(options.severity?.['ssh-server'], 'off');
  assert.equal(options.failureThreshold, 'info');
  assert.equal(files.length, 2);
  assert.equal(problems.length, 1);
  assert.match(problems[0], /colour/);
});

test('malformed YAML is a problem, not an exception', () => {
  const root = workspace({ '.shipshape.yaml': 'rules: [unclosed\n' });
  const { options, problems } = loadConfig(root);
  assert.equal(problems.length, 1);
  assert.deepEqual(options.severity, {});
});

test('a config file the YAML checks refuse (an alias inside itself, absurd nesting) is a reported problem, quickly', () => {
  for (const text of ['rules: &a [*a]\n', `rules: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`]) {
    const root = workspace({ '.shipshape.yaml': text });
    const started = Date.now();
    const { problems } = loadConfig(root);
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.ok(Date.now() - started < 10_000);
  }
});
