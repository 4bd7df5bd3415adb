/**
 * A workload's selector must match its own pod template's labels; the API server rejects the object
 * otherwise ("selector does not match template labels"), which this catches before `kubectl apply`.
 * Fixes: give the template the selector's label (preferred: a Deployment's selector cannot change
 * once applied, its template can), or, where the template already has that key, select its value.
 */
import type { Fix } from '../../diagnostics';
import { asArray, asRecord, asString, asStringMap, dig } from '../../rules/yaml-values';
import { addMapEntry, replaceScalar, yamlScalar } from '../edits';
import type { Finding, KubernetesRule } from '../rule';
import type { K8sObject, YamlPath } from '../model';

const WITH_LABEL_SELECTOR = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);

export const selectorMismatch: KubernetesRule = {
  meta: {
    id: 'k8s-selector-mismatch',
    domain: 'kubernetes',
    defaultSeverity: 'error',
    description: "A workload's selector must match the labels of its pod template.",
    practice: 'correctness',
  },
  check(object, context) {
    const template = object.podTemplate;
    if (!template) return;
    const labels = template.labels;
    if (object.kind === 'ReplicationController') {
      const selector = asRecord(dig(object.value, 'spec', 'selector'));
      for (const [key, value] of Object.entries(asStringMap(selector))) {
        if (labels[key] !== value) context.report(mismatch(object, ['spec', 'selector', key], key, value, labels));
      }
      return;
    }
    // Jobs generate their selector unless `manualSelector: true`.
    if (!WITH_LABEL_SELECTOR.has(object.kind) || (object.kind === 'Job' && dig(object.value, 'spec', 'manualSelector') !== true)) return;
    const selector = asRecord(dig(object.value, 'spec', 'selector'));
    if (!selector) return;
    for (const [key, value] of Object.entries(asStringMap(selector.matchLabels))) {
      if (labels[key] !== value) context.report(mismatch(object, ['spec', 'selector', 'matchLabels', key], key, value, labels));
    }
    asArray(selector.matchExpressions).forEach((item, i) => {
      const expression = asRecord(item);
      const key = asString(expression?.key);
      if (!expression || !key) return;
      const values = asArray(expression.values).map(String);
      const has = key in labels;
      const matches: Record<string, boolean> = {
        In: has && values.includes(labels[key]),
        NotIn: !has || !values.includes(labels[key]),
        Exists: has,
        DoesNotExist: !has,
      };
      const operator = asString(expression.operator) ?? '';
      if (operator in matches && !matches[operator]) {
        context.report({
          path: ['spec', 'selector', 'matchExpressions', i],
          message: `Selector expression \`${key} ${operator}\` does not match the pod template's labels.`,
        });
      }
    });
  },
};

function mismatch(object: K8sObject, path: YamlPath, key: string, value: string, labels: Record<string, string>): Finding {
  const has = key in labels;
  const actual = has ? `is "${labels[key]}"` : 'is missing';
  const labelsPath = object.podTemplate!.labelsPath;
  const fixes: Fix[] = [];
  const toTemplate = has ? replaceScalar(object, [...labelsPath, key], yamlScalar(value)) : addMapEntry(object, labelsPath, key, value);
  if (toTemplate) fixes.push({ title: `Set the pod template label ${key}: ${value}`, edits: [toTemplate], preferred: true });
  const toSelector = has ? replaceScalar(object, path, yamlScalar(labels[key])) : undefined;
  if (toSelector) fixes.push({ title: `Select ${key}: ${labels[key]} instead`, edits: [toSelector] });
  return { path, message: `Selector \`${key}: ${value}\` does not match the pod template, where \`${key}\` ${actual}.`, ...(fixes.length ? { fixes } : {}) };
}
