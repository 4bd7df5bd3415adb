/** A bundle without its generated schemas says which folder it looked in (the real one) and the command that makes it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const cli = join(__dirname, '..', '..', '..', 'dist', 'cli.js');

test('the missing-schemas message names the folder beside dist/ and `npm run schemas`', { skip: existsSync(cli) ? false : 'run `npm run build` first' }, () => {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-noschemas-'));
  mkdirSync(join(root, 'dist'));
  // The dispatcher and its command bundles (dist/cli-check.js, ...).
  for (const name of readdirSync(dirname(cli)).filter((f) => /^cli(-[a-z]+)?\.js$/.test(f))) copyFileSync(join(dirname(cli), name), join(root, 'dist', name));
  writeFileSync(join(root, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
  const run = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', join(root, 'cm.yaml'), '--format', 'json'], { encoding: 'utf8' });
  const messages = (JSON.parse(run.stdout) as { message: string }[]).map((f) => f.message).join('\n');
  assert.ok(messages.includes(`No generated schemas in ${join(root, 'schemas', 'generated')}.`), messages);
  assert.match(messages, /Run `npm run schemas` in /);
  assert.doesNotMatch(run.stderr, /at .*\.js:\d+/, 'no stack trace');
});
