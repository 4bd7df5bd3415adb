/** Quick fixes of Kubernetes rules: each case applies the fix's edits and compares the text produced. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../../src/core/diagnostics';
import { applyEdits, show, workspaceOf } from './helpers';

const check = (yaml: string, rule: string): Diagnostic[] => workspaceOf(yaml).workspace.check('/ws/app.yaml').filter((d) => d.rule === rule);

const deployment = (selector: string, templateMetadata: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector:\n${selector}  template:\n${templateMetadata}    spec:\n      containers: [{name: c, image: a:1}]\n`;

const cases: { name: string; yaml: string; at: string; fixed: string[] }[] = [
  {
    name: 'template label with another value: set it (preferred), or select the template value',
    yaml: deployment('    matchLabels:\n      app: web\n', '    metadata:\n      labels:\n        app: frontend\n'),
    at: '6:11-6:14',
    fixed: [
      deployment('    matchLabels:\n      app: web\n', '    metadata:\n      labels:\n        app: web\n'),
      deployment('    matchLabels:\n      app: frontend\n', '    metadata:\n      labels:\n        app: frontend\n'),
    ],
  },
  {
    name: 'label missing from a block mapping: added at its indentation',
    yaml: deployment('    matchLabels:\n      app: web\n      tier: "true"\n', '    metadata:\n      labels:\n        app: web\n'),
    at: '7:12-7:18',
    fixed: [deployment('    matchLabels:\n      app: web\n      tier: "true"\n', '    metadata:\n      labels:\n        app: web\n        tier: "true"\n')],
  },
  {
    name: 'label missing from a flow mapping: added before the brace',
    yaml: deployment('    matchLabels: {app: web, app.kubernetes.io/name: shop}\n', '    metadata:\n      labels: {app: web}\n'),
    at: '5:52-5:56',
    fixed: [deployment('    matchLabels: {app: web, app.kubernetes.io/name: shop}\n', '    metadata:\n      labels: {app: web, app.kubernetes.io/name: shop}\n')],
  },
  {
    name: 'no labels mapping at all: reported, no edit guessed',
    yaml: deployment('    matchLabels:\n      app: web\n', '    metadata: {}\n'),
    at: '6:11-6:14',
    fixed: [],
  },
];

for (const c of cases) {
  test(`k8s-selector-mismatch fix: ${c.name}`, () => {
    const found = check(c.yaml, 'k8s-selector-mismatch');
    assert.deepEqual(found.map((d) => show(d.range)), [c.at]);
    assert.deepEqual((found[0].fixes ?? []).map((f) => applyEdits(c.yaml, f.edits)), c.fixed);
    if (c.fixed.length > 0) assert.equal(found[0].fixes?.[0].preferred, true);
    // A fixed text has no selector finding left.
    for (const text of c.fixed) assert.deepEqual(check(text, 'k8s-selector-mismatch'), [], text);
  });
}
