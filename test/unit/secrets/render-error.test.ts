/** A render error quotes values; with the merged values at hand, those that may be secrets are hidden from it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChartRenderError, withSecretsHidden } from '../../../src/core/helm/errors';
import { renderChart } from '../../../src/core/helm';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cases: { name: string; template: string; values: Record<string, unknown>; secret: string; shown?: string }[] = [
  { name: 'a function error quoting a token', template: '{{ mustToDate "2006-01-02" (printf "%s-%s" .Values.name .Values.auth.token) }}', values: { name: 'MkShownName1', auth: { token: 'MkRenderTok1' } }, secret: 'MkRenderTok1', shown: 'MkShownName1' },
  { name: 'include of a name that is an API key', template: '{{ include .Values.apiKey . }}', values: { apiKey: 'MkRenderKey2' }, secret: 'MkRenderKey2' },
  { name: 'an env entry of a values list', template: '{{ include (index .Values.env 0).value . }}', values: { env: [{ name: 'DB_PASSWORD', value: 'MkRenderPw3' }] }, secret: 'MkRenderPw3' },
];

for (const c of cases) {
  test(`render error without its secret: ${c.name}`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipshape-render-secret-'));
    mkdirSync(join(dir, 'templates'));
    writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 0.1.0\n');
    writeFileSync(join(dir, 'values.yaml'), JSON.stringify(c.values));
    writeFileSync(join(dir, 'templates', 'cm.yaml'), `a: ${c.template}\n`);
    let error: ChartRenderError | undefined;
    try {
      renderChart(dir);
    } catch (e) {
      error = e as ChartRenderError;
    }
    assert.ok(error instanceof ChartRenderError, 'the chart does not render');
    assert.ok(error.message.includes(c.secret), `the raw error quotes the value: ${error.message}`);
    const hidden = withSecretsHidden(error, c.values).message;
    assert.ok(!hidden.includes(c.secret), hidden);
    if (c.shown) assert.ok(hidden.includes(c.shown), `a value not named like a secret stays: ${hidden}`);
  });
}

test('renderChart with hideSecretsInErrors (the editor view) hides them; without it (shipshape render) helm\'s text stays', () => {
  const c = cases[0];
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-render-secret-option-'));
  mkdirSync(join(dir, 'templates'));
  writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 0.1.0\n');
  writeFileSync(join(dir, 'values.yaml'), JSON.stringify(c.values));
  writeFileSync(join(dir, 'templates', 'cm.yaml'), `a: ${c.template}\n`);
  assert.throws(() => renderChart(dir, { hideSecretsInErrors: true }), (e: Error) => e instanceof ChartRenderError && !e.message.includes(c.secret) && e.message.includes(c.shown!));
  assert.throws(() => renderChart(dir), (e: Error) => e.message.includes(c.secret));
});
