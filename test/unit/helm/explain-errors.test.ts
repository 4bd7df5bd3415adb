/** Render errors say what is missing before Go's words for it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainRenderError } from '../../../src/core/helm/errors';

test('a nil pointer on a values path names the unset parent', () => {
  const rows: [string, string | undefined][] = [
    ['c/templates/svc.yaml:7:22\n  executing "c/templates/svc.yaml" at <.Values.service.port>:\n    nil pointer evaluating interface {}.port', '`.Values.service` is not set, so `.Values.service.port` fails'],
    ['template: c/templates/x.yaml:3:9: executing "c/templates/x.yaml" at <$.Values.a.b.c>: nil pointer evaluating interface {}.c', '`$.Values.a.b` is not set, so `$.Values.a.b.c` fails'],
    ['execution error at (c/templates/x.yaml:1:3): a is required', undefined],
  ];
  for (const [message, expected] of rows) assert.equal(explainRenderError(message), expected, message);
});
