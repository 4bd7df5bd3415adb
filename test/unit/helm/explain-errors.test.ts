/** Render errors say what is missing before Go's words for it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainRenderError, renderErrorHeadline } from '../../../src/core/helm/errors';

test('a nil pointer on a values path names the unset parent', () => {
  const rows: [string, string | undefined][] = [
    ['c/templates/svc.yaml:7:22\n  executing "c/templates/svc.yaml" at <.Values.service.port>:\n    nil pointer evaluating interface {}.port', '`.Values.service` is not set, so `.Values.service.port` fails'],
    ['template: c/templates/x.yaml:3:9: executing "c/templates/x.yaml" at <$.Values.a.b.c>: nil pointer evaluating interface {}.c', '`$.Values.a.b` is not set, so `$.Values.a.b.c` fails'],
    ['execution error at (c/templates/x.yaml:1:3): a is required', undefined],
  ];
  for (const [message, expected] of rows) assert.equal(explainRenderError(message), expected, message);
});

test('the headline of a render error is its cause, then where: never a bare file:line:col', () => {
  const rows: [string, string | undefined][] = [
    ['c/templates/svc.yaml:7:22\n  executing "c/templates/svc.yaml" at <.Values.service.port>:\n    nil pointer evaluating interface {}.port', '`.Values.service` is not set, so `.Values.service.port` fails'],
    ['demo/templates/l.yaml:1:67\n  executing "demo/templates/l.yaml" at <{{$i}}>:\n    template execution was cancelled', 'template execution was cancelled (at demo/templates/l.yaml:1:67, in `{{ $i }}`)'],
    ['template: slow/templates/cm.yaml:6:10: executing "slow/templates/cm.yaml" at <until 3000000>: error calling until: too many', 'error calling until: too many (at slow/templates/cm.yaml:6:10, in `{{ until 3000000 }}`)'],
    ['execution error at (c/templates/x.yaml:1:3): a is required', 'a is required (at c/templates/x.yaml:1:3)'],
    ['Chart.yaml file is missing', undefined],
  ];
  for (const [message, expected] of rows) assert.equal(renderErrorHeadline(message), expected, message);
});
