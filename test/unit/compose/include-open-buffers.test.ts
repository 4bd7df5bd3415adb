/** Compose `include` follows what the editor has open (unsaved text), and never a file outside the workspace or one that is not a regular file. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Project } from '../../../src/core/project';

test('an include cycle through an unsaved buffer is found; /dev/zero and files outside the workspace are not read', () => {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-include-'));
  writeFileSync(join(root, 'compose.yaml'), 'include:\n  - other.yaml\nservices:\n  web:\n    image: nginx:1.27\n');
  writeFileSync(join(root, 'other.yaml'), 'services:\n  db:\n    image: postgres:16\n');
  const project = new Project({ roots: [root] });
  project.scan();
  const cycles = () => project.check(join(root, 'compose.yaml')).filter((d) => d.rule === 'compose-include-cycle');
  assert.deepStrictEqual(cycles(), []);
  // The other file, edited but not saved, now includes the first.
  project.setOpen(join(root, 'other.yaml'), 'include:\n  - compose.yaml\nservices:\n  db:\n    image: postgres:16\n', 'compose');
  assert.equal(cycles().length, 1);

  const outside = mkdtempSync(join(tmpdir(), 'shipshape-outside-'));
  writeFileSync(join(outside, 'x.yaml'), 'include:\n  - ' + join(root, 'compose.yaml') + '\n');
  writeFileSync(join(root, 'compose.yaml'), `include:\n  - ${join(outside, 'x.yaml')}\n  - /dev/zero\nservices:\n  web:\n    image: nginx:1.27\n`);
  project.changedOnDisk(join(root, 'compose.yaml'));
  const started = Date.now();
  assert.deepStrictEqual(cycles(), [], 'a file outside the workspace is not followed');
  assert.ok(Date.now() - started < 10_000, '/dev/zero is not read');
});
